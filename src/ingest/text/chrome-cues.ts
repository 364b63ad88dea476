/**
 * Evidence that a line is page furniture rather than article text. These are patterns of whole lines or
 * line openings common to news templates in general (ads, share bars, cookie and newsletter prompts,
 * credits, navigation), not strings of any one site; the classifier weighs them with the line's shape.
 */

const SHORT_CHROME_LINE = new RegExp(
  '^[-–—•*|·>\\s]*(?:' +
    [
      'advertisements?', 'advert', 'ads?', 'sponsored(?: content| by .*)?', 'promoted(?: content)?', 'paid (?:partner )?(?:post|content)', 'partner content',
      'story continues(?: below)?(?: advertisement)?', 'advertisement\\s*[-–—:|]?\\s*(?:scroll (?:down )?to continue(?: reading| with content)?|continue reading below|story continues below)', 'article continues below(?: advertisement)?', 'continue reading(?: below| the main story)?',
      'scroll (?:down )?to continue(?: with content)?', 'skip (?:to )?(?:main )?(?:content|navigation)', 'skip ad(?:vert(?:isement)?)?',
      'must read', 'trending(?: now| today| stories| topics)?', 'most (?:read|popular|viewed|shared|commented)', 'latest(?: news| stories| posts| articles)?',
      'top stories', 'popular(?: now| posts| stories)?', "editor(?:s?['’]s?)? picks?", 'recommended(?: for you| stories| reading)?', 'you (?:may|might) (?:also )?like',
      'read (?:more|next)', 'see (?:more|all)', 'load more', 'show more', 'view (?:all|more|comments)(?: \\(\\d+\\))?', 'archives?', 'authors?', 'about the author',
      'tags?', 'topics', 'categor(?:y|ies)', 'share(?: (?:this|the|full))?(?: article| story| post| page)?(?: (?:on|with|via) .{1,20})?', '(?:read|open|continue) in (?:the )?app', 'tweet', 'facebook', 'twitter', 'x',
      'whatsapp', 'linkedin', 'reddit', 'pinterest', 'telegram', 'flipboard', 'e-?mail', 'print', 'copy(?: link)?', 'link copied', 'comments?',
      '\\d+ (?:comments?|replies|shares)', 'leave a (?:comment|reply)', 'reply', 'log ?in', 'log ?out', 'sign ?in', 'sign ?up', 'subscribe(?: now| today)?',
      'register', 'menu', 'search', 'home', 'close', 'back to top', 'go to top', 'spot_img', '(?:listen(?: to (?:this|the) (?:article|story))?|artikel anhören|ouvir (?:o )?texto|ascolta (?:l.)?articolo|écouter (?:cet |l.)?article|escuchar (?:este )?artículo)(?: \\(?\\d+ min(?:s|utes?|uten)?\\)?)?',
      '\\d+ min(?:ute)?s? (?:read|listen)', 'end of list', 'list of \\d+ items', 'restack', 'like', 'reading time.*', 'follow(?: us)?', 'newsletters?', 'privacy(?: policy| notice)?', 'terms(?: of (?:use|service))?',
      'terms (?:and|&) conditions', 'cookies?(?: policy| settings| preferences)?', 'accept(?: all)?(?: cookies)?', 'reject(?: all)?', 'manage (?:preferences|cookies|consent)',
      'contact(?: us)?', 'about(?: us)?', 'advertise(?: with us)?', 'careers', 'sitemap', 'rss', 'feedback', 'help', 'faq', 'live', 'video', 'watch',
      'photos?', 'gallery', 'podcasts?', 'opinion', 'updated', 'published', 'more', 'next', 'previous', 'prev', 'related(?: articles| stories| posts| topics| content| news| coverage)?',
      'in (?:this|other) news', 'don.t miss', 'breaking(?: news)?', 'exclusive', 'premium', 'subscribers? only', 'free trial',
      'save(?:d)?', 'bookmark', 'gift(?: this)? article', 'add (?:your|a) comment', 'was this (?:article|page|story) (?:helpful|useful)\\??', 'yes', 'no',
      'e-?paper', 'e-edition', 'web stories', 'donate', 'email address', 'sort by .{1,20}', 'just now', 'yesterday', 'today',
      '(?:\\d+|an?|one|two|few) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?) ago', '\\d+ ?[smhd] ago',
      // The same furniture in the other languages Herald's sources are written in.
      'publicidad', 'publicité', 'anúncio', 'anuncio', 'anzeige', 'werbung', 'pubblicità', 'compartir(?: en .{1,20})?', 'partager(?: sur .{1,20})?',
      'compartilhar', 'teilen', 'link kopieren', 'artikel teilen', 'impressum', 'datenschutz', 'condividi', 'enviar por (?:correo|e-?mail)', 'comentarios', 'commentaires', 'comentários', 'kommentare', 'commenti',
      'suscríbete', 'abonnez-vous', 'assine', 'abonnieren', 'iniciar sesión', 'se connecter', 'entrar', 'anmelden', 'última hora', 'portada', 'inicio',
    ].join('|') +
    ')[-–—•*|·:.!\\s]*$',
  'iu',
);

const CHROME_ANYWHERE = [
  /\b(?:we|this (?:web)?site|our (?:web)?site|our partners) uses? cookies\b/i,
  /\bby (?:continuing|clicking|using) (?:to (?:use|browse)|this (?:site|website)|["“]?accept)/i,
  /\b(?:sign up|subscribe|register) (?:for|to) (?:our|the|a) .{0,40}(?:newsletter|briefing|alerts?|updates|digest)\b/i,
  /\b(?:enter|your) (?:your )?e-?mail(?: address)?\b.*\b(?:sign up|subscribe|newsletter)\b/i,
  /\bget (?:the|our) .{0,30}(?:newsletter|headlines|news) (?:delivered|in your inbox|sent)\b/i,
  /\bdelivered (?:straight |directly )?to your inbox\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /\bfollow (?:us|[\p{Lu}][\p{L}.]*(?: [\p{Lu}][\p{L}.]*){0,3}) on (?:google news|twitter|x|facebook|instagram|whatsapp|telegram|linkedin|youtube|threads)\b/iu,
  /\bjoin (?:our|us on) (?:whatsapp|telegram)\b/i,
  /\bdownload (?:the|our) .{0,20}app\b/i,
  /\b(?:already (?:a subscriber|have an account)|create (?:a )?(?:free )?account|subscribe to (?:continue|read|unlock)|this (?:article|content) is (?:for|reserved for) subscribers)\b/i,
  /\b(?:support|fund) (?:our|independent|quality) journalism\b/i,
  /\byour (?:e-?mail )?address will not be published\b/i,
  /\brequired fields are marked\b/i,
  /\b(?:click|tap) here (?:to|for)\b/i,
  /\bthis (?:article|story|content) (?:was|is|has been) (?:originally )?(?:published|produced|first appeared)\b/i,
  /\bjavascript (?:is )?(?:disabled|required)|enable javascript\b|\brequires javascript\b/i,
  /\bmay contain affiliate\b|\baffiliate (?:links?|commission)\b|\bwe may earn a (?:small )?commission\b/i,
  /^(?:posted|published|publicado|publié|pubblicato|veröffentlicht|written) (?:by|por|par|da|von)\b/i,
  /^(?:tags?|topics|keywords|categories|etiquetas|mots-clés)\s*[:：]?\s+[^.!?]*,[^.!?]*$/i,
  /^\[\w+[^\]]*\].*\[\/\w+\]$/,
  /^https?:\/\/\S+$/i,
  /^(?:photo|photograph|image|picture|credit|illustration|video|file photo|source|graphic|caption|foto|bild|imagen|fotografía|crédito|crédit)s?\s*(?:credit)?\s*[:：|]/i,
  // A caption run together with its credit: "A de-mining team checked a field.Credit...Nicole Tung for The New York Times".
  /(?:^|[\s.…])(?:[Cc]redit|[Pp]hoto(?:graph)?|[Ff]oto|[Cc]rédito?)\s*(?:\.{2,}|…|:)\s*\p{Lu}[^.!?]*$/u,
  /\((?:photo|image|picture|credit|file)(?: by)?[:\s][^)]*\)\s*$/i,
  /(?:^|[\s/|(])(?:getty images|shutterstock|afp|ap photo|reuters|epa(?:-efe)?|alamy|pa (?:media|wire)|bloomberg|xinhua)(?: via getty images)?[)\]]?\s*$/i,
  // The same credit on a file picture: "… Braunau am Inn, Austria.Leonhard Foeger / Reuters file", "J. Scott Applewhite / AP file".
  /\/\s*(?:getty images|afp|ap|reuters|epa|bloomberg|xinhua)(?: images)? file(?: photo)?\s*$/i,
  /\b(?:terms of (?:use|service)|privacy policy)\b.*\b(?:terms of (?:use|service)|privacy policy|cookie)/i,
  /\b(?:posted|filed) (?:in|under)\s*:/i,
  /^(?:tags?|topics|filed under|categories|keywords)\s*[:：]/i,
  /\b\d+ (?:comments?|shares|views|reactions)\b\s*$/i,
  /\b(?:listen to|play) (?:this|the) (?:article|story)\b/i,
  /^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b/i,
  /^(?:edited|produced|compiled|curated|illustrated|translated|tested) by\s*[:：]?\s/i,
  /^(?:medically |fact[- ]?)?(?:reviewed|checked) by\b/i,
  /^\(?(?:with )?(?:inputs|agency inputs|reporting|additional reporting|wires?)(?: from| by)?\b[^.]{0,60}\)?$/i,
  /^(?:image|media|video|photo) (?:source|caption|credit)s?\s*[,:：]?/i,
  /^sign up (?:to|for)\b/i,
  /^click (?:here )?to (?:share|email|print|tweet|post|pin|save|copy)\b|\bopens? in (?:a )?new (?:window|tab)\b/i,
  /^you are (?:signed|logged) in\b|^you are here\b|^welcome to\b|^follow (?:the author|this author|the topics?|us|me)\b|^share all sharing options\b/i,
  /\(\d+ of \d+\)$|^(?:image|photo|slide|video|list|item) \d+ of \d+$/i,
  // A slideshow caption with its counter run into it: "1of4Grass Valley's Dionicio Torres looks at…".
  /^\d{1,2}of\d{1,2}\p{Lu}/u,
  /^(?:updated|posted|published|last (?:updated|modified))\b[^.!?]{0,60}\d[^.!?]*$/i,
  // Wire-photo captions and credits: "In this Sunday, Nov. 10, 2019, photo, …", "(Jacquelyn Martin / Associated Press)".
  /^in this (?:[\w.,]+ ){0,6}(?:photo|photograph|image|file photo|picture)\b/i,
  /^\((?:[^()]{0,40}\/[^()]{0,40}|[^()]*\b(?:photo|image|credit|getty|reuters|afp|associated press|ap)\b[^()]*)\)$/i,
  /^[\w.-]{2,40} (?:says|said|wrote|commented):$/i,
  /\bshare (?:this|the) (?:story|article|post|page)\b/i,
  /^ad (?:feedback|choices)$|\bhow relevant is this ad\b/i,
  /^privacy (?:notice|policy)\s*[:：]/i,
  /^(?:trending|hot topics|in focus|also trending)\s*[:：]/i,
  /\bthis (?:is a|story is) (?:developing|breaking) (?:story|news)\b/i,
  /\bfor (?:general )?informational purposes only\b|\bnot a substitute for (?:professional )?(?:medical |legal |financial )?advice\b/i,
  /^our standards\s*[:：]/i,
  /\b(?:todos los derechos reservados|tous droits réservés|todos os direitos reservados|alle rechte vorbehalten|tutti i diritti riservati)\b/i,
  // An author box: "Lee covers U.S. foreign policy…", "Jane Roe is a senior reporter at…", "… is the Kyiv bureau chief for The Times".
  /^[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){0,3} (?:covers|writes about|reports on|has covered|is (?:an?|the|[\p{Lu}][\p{L}.-]*['’]s) (?:[\p{L}-]+ ){0,4}(?:[Rr]eporter|[Cc]orrespondent|[Ww]riter|[Ee]ditor|[Jj]ournalist|[Cc]olumnist|[Cc]ontributor|[Pp]roducer|[Aa]uthor|[Bb]ureau [Cc]hief|[Cc]ritic|[Cc]urator))\b/u,
  // A sign-up box's small print and fields: "No spam, we promise. You can unsubscribe at any time", "Email (required)".
  /\bunsubscribe at any time\b|^by (?:signing up|subscribing|registering|submitting)\b|^I (?:agree|accept|consent)\b.{0,80}\b(?:send me|e-?mail me|to receive|terms|privacy)\b|\b(?:keep an eye on|check) your inbox\b/i,
  /^e-?mail(?: address)?\s*\((?:required|optional)\)$|\bdelivered (?:every |each )?(?:weekday|daily|weekly|morning|evening)s?\b|^get (?:breaking|the latest|the day['’]s (?:top|big))\b/i,
  /\bshare it with a friend\b|^like this (?:story|article|post)\?/i,
  // Contacts and disclosures under the text: "Write to Al Root at …", "Opinions expressed by … are their own."
  /^write to .{2,60} at \S+@\S+/i,
  /\bopinions expressed (?:by|in|on) .{0,60}are (?:their|his|her|the author['’]s) own\b|\bif you (?:buy|purchase) (?:something|anything|a product) (?:through|via|from) (?:this|our|a|one of)\b/i,
  /^read more (?:from|by) (?:this|the) (?:author|writer)\b/i,
  // A caption that says where its picture is: "Above: A WeWork coworking space in San Francisco."
  /^(?:above|below|pictured|main (?:image|picture)|inset|top image)\s*:\s/i,
  /\bappears? in print\b|\bversion of this (?:article|story) (?:appears|appeared)\b/i,
  // Calls to action: the page talking to its reader about the page, not about the news.
  /^(?:thanks|thank you) for (?:reading|signing up|subscribing)\b|^share your (?:thoughts|views|opinion|comments?)\b|\bsubscribe (?:for free|now|today)\b|^ready for more\b|^(?:got|have) a (?:news )?tip\b/i,
  /\bwatch the (?:full )?video (?:above|below)\b|^(?:watch|see) (?:the )?(?:video|photos|gallery) (?:above|below)\b/i,
  /^(?:follow (?:me |us )?(?:on \w+ )?)?(?:@[\w.]{2,30}[\s,|•·]*)+$/i,
  /\((?:AP|AFP|Reuters|EPA|Getty Images|Bloomberg)(?: Photo)?\s*\/[^)]{2,50}\)\s*$/i,
  /^(?:photo|image|illustration|picture|video)(?:graph)? by\b[^.!?]{0,80}$/i,
];

/**
 * The words of a consent banner. One of them is news vocabulary; several together, at any length, are the
 * banner itself, which is often a long paragraph of legal prose.
 */
const CONSENT_TERM = /\b(?:cookies?|partners|personal data|consent|privacy policy|legitimate interest|personali[sz]ed (?:ads|advertising|content)|advertising and content measurement|device characteristics|unique identifiers|unique ids|opt[- ]out|vendors)\b/gi;
const CONSENT_TERMS_IN_BANNER = 3;

function isConsentBanner(line: string): boolean {
  const terms = new Set(line.match(CONSENT_TERM)?.map((term) => term.toLowerCase()));
  return terms.size >= CONSENT_TERMS_IN_BANNER;
}

/**
 * Cues that also occur in the news itself (an article about a newsletter, a paragraph on how to register to vote),
 * so they count only when the line does not read as a paragraph of prose, or when it talks to the reader.
 */
const WEAK_CHROME = /\bnewsletters?\b/i;
const ACCOUNT_ACTION = /\b(?:subscribe|subscription|sign up|log ?in|sign in|register|download)\b/i;

/** How strongly a line's wording says it is furniture: strong cues decide, weak ones need the line's shape to agree. */
export type ChromeEvidence = 'strong' | 'weak';

/** The markers an advertisement leaves in a dump: one of these between two paragraphs does not make either furniture. */
const AD_MARKER = /^[-–—•*|\s]*(?:advertisements?|advert|ads?|sponsored|publicidad|publicité|anzeige|story continues(?: below)?(?: advertisement)?|article continues below(?: advertisement)?)[-–—•*|\s.]*$/i;

export function isAdMarker(line: string): boolean {
  return AD_MARKER.test(line);
}

/** A photo credit standing alone ("Getty Images", "Photo: Jane Roe/AFP"): the line after it is usually the caption. */
const CREDIT_LINE = /^(?:(?:image|photo|picture) (?:source|credit)s?\s*[,:：]\s*.{0,60}|(?:photo|photograph|image|credit|foto|bild)s?\s*[:：].{0,60}|(?:getty images|reuters|afp|ap photo|epa|shutterstock|alamy|pa media|bloomberg)(?: via getty images)?)$/i;

export function isCreditLine(line: string): boolean {
  return CREDIT_LINE.test(line);
}

/** A line of nothing but sharing targets and separators: "Facebook Twitter WhatsApp Email". */
const SHARE_BAR = /^(?:(?:share|facebook|twitter|x|whatsapp|linkedin|e-?mail|print|reddit|pinterest|telegram|copy link|messenger|flipboard|tumblr|threads|bluesky|mastodon|sms)[\s|•·,/]*){2,}$/i;

/** A weather widget: "10.5 C", "18°C Cloudy", "72°F". */
const WEATHER = /^-?\d+(?:[.,]\d+)?\s*°?\s*[CF]\b(?:\s+\p{L}+){0,2}$/u;

/** Clock times and lone numbers: widgets, comment counts, page numbers. */
const TIME_OR_NUMBER = /^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?|\d+)$/i;

/** Links listed one per line with separators: "Home | News | Sport" or "World › Europe". */
const NAV_SEPARATORS = /^(?:[\p{L}&' ]{1,25}\s*[|›»>•·/]\s*){2,}[\p{L}&' ]{1,25}$/u;

/** A caption or teaser with the button that opens or folds it run into its end: "… shake hands in Hanoi. less", "… relations ... more". */
const EXPAND_TOGGLE = /(?:\.\.\.|…|[.!?]["”’]?)\s*(?:more|less)$/;

export function chromeEvidence(line: string, wordCount: number): ChromeEvidence | undefined {
  if (wordCount <= 8 && SHORT_CHROME_LINE.test(line)) return 'strong';
  if (SHARE_BAR.test(line) || WEATHER.test(line) || TIME_OR_NUMBER.test(line) || NAV_SEPARATORS.test(line)) return 'strong';
  if (isConsentBanner(line) || EXPAND_TOGGLE.test(line)) return 'strong';
  // A long paragraph that happens to mention cookies or a newsletter is still article text.
  if (wordCount > 45) return undefined;
  if (CHROME_ANYWHERE.some((pattern) => pattern.test(line))) return 'strong';
  return WEAK_CHROME.test(line) || (ACCOUNT_ACTION.test(line) && addressesReader(line)) ? 'weak' : undefined;
}

/** "You", "your", or an imperative opening: the page addressing its reader. */
export function addressesReader(line: string): boolean {
  return /\b(?:you|your|you['’]re|yours)\b/i.test(line) || /^(?:get|join|sign|subscribe|register|download|follow|support|enter|type|click|tap|listen|watch)\b/i.test(line);
}

/**
 * Headings after which a page stops being the article: comments, popularity lists, tags, author boxes.
 * The body never continues past one of these.
 */
const ARTICLE_END = new RegExp(
  '^(?:' +
    [
      'comments?', '\\d+ comments?', 'leave a (?:comment|reply)', 'join the (?:conversation|discussion)', 'what do you think\\??', 'discussion',
      'most (?:read|popular|viewed|shared|commented)(?: .{0,20})?', 'trending(?: now| today| stories| topics)?', 'popular(?: now| posts| stories| articles)?',
      'top stories', 'latest(?: news| stories| posts| articles| videos)?', 'more (?:stories|news|articles|videos)(?: from .*| on .*| in .*)?',
      'more from .{1,40}', 'you (?:may|might) (?:also )?(?:like|enjoy|be interested in)', 'recommended(?: for you| stories| reading| articles)?',
      'read next', 'up next', 'what to read next', 'about the author', 'about (?:the )?authors?', 'authors?', 'archives?', 'tags?', 'topics',
      'filed under', 'categories', 'related topics', 'footer', 'sponsored (?:stories|links|content)', 'around the web', 'from our partners',
      'explore more(?: on (?:these|this) topics?)?', "editor(?:s?['’]s?)? picks?", 'in case you missed it', 'must read', 'don.t miss',
      'add (?:your|a) comment',
      'more (?:[\\p{L}]+ ){1,2}(?:stories|news|articles|videos)', 'tell us what you think.*', 'discussion about this (?:post|article|story)', 'mehr (?:lesen )?über', 'lo más (?:visto|leído)',
      'voc[eê] (?:também )?pode(?:rá)? (?:também )?gostar', '(?:también )?te (?:puede|podría) interesar', 'vous (?:aimerez|pourriez (?:aussi |également )?aimer)(?: aussi| également)?',
      'das könnte (?:sie|dich) auch interessieren', '(?:ti )?potrebbe(?:ro)? (?:anche )?interessarti(?: anche)?', 'archivado en', 'les plus lus', 'mais lidas', 'meistgelesen', 'i più letti', 'comentarios', 'commentaires',
    ].join('|') +
    ')[:.!…\\s]*$',
  'iu',
);

/** Headings of a box of links that a page may set inside the article as well as under it. */
const LINK_BOX = /^(?:don.t miss|must read|more from .{1,40}|read more|recommended(?: for you| stories| reading| articles)?|you (?:may|might) (?:also )?(?:like|enjoy)|in case you missed it)[:.!…\s]*$/iu;

export function opensLinkBox(line: string): boolean {
  return LINK_BOX.test(line);
}

/** "34 responses to “…”", "12 thoughts on “…”": the heading WordPress and others put over comments. */
const COMMENTS_HEADING = /^(?:\d+|one|two|three) (?:responses?|comments?|thoughts?|replies|reactions?) (?:to|on)\b/i;

/**
 * The head of one comment: "Gary M on September 17, 2018 at 8:50 pm said:". A person quoted in the news says
 * something at an hour too, but the article does not stamp the minute on the line that introduces them.
 */
const COMMENT_HEAD = /^[^.!?]{1,60}\s(?:on|at)\s[^.!?]{0,40}\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:said|says|wrote|commented|replied)\s*:?$/i;

export function isCommentHead(line: string): boolean {
  return COMMENT_HEAD.test(line);
}

export function endsArticle(line: string, wordCount: number): boolean {
  if (COMMENTS_HEADING.test(line) || COMMENT_HEAD.test(line)) return true;
  return wordCount <= 8 && (ARTICLE_END.test(line) || /^(?:tags?|topics|filed under|categories|keywords)\s*[:：]/i.test(line));
}

/** "Also read: …", "Read more: …", "See also: …", "Related: …" lines: the publisher's own related links. */
export const ALSO_READ_LINE =
  /^[-–—•*>\s]*(?:also read|read also|read|also see|see also|see more|read more|more on this|related|related article|related story|related reading|recommended|read next|also on .{1,30}|must read|don.t miss|watch|listen|more|also|lire aussi|à lire aussi|lee también|leia também|veja também|lesen sie auch|auch interessant|mehr zum thema|leggi anche)\s*(?:[:：|»>–—-]+)\s*(.{8,300})$/iu;

/** A heading over a block of related links, which follow one per line. */
export const RELATED_HEADING =
  /^(?:related(?: articles| stories| posts| content| news| coverage| reading| links)?|more on this (?:story|topic)|more about this|you (?:may|might) also (?:like|read)|read (?:more|also|next)|also read|see also|further reading|recommended(?: articles| stories| reading)?|more (?:like this|to read)|keep reading|artículos relacionados|noticias relacionadas|te puede interesar|lee también|articles? (?:liés|connexes)|à lire aussi|lire aussi|sur le même sujet|mehr zum thema|das könnte sie auch interessieren|leia também|veja também|leggi anche)[:.\s]*$/iu;
