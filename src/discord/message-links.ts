const CANDIDATE = /https?:\/\/[^\s<>]+/gi;
const CLOSING = /[.,:;!?"'*_~]$/;

/**
 * A web address as Discord's autolinking finds one in message text: it runs to a space or "<", and does not
 * end on the punctuation that closes a sentence, nor on a bracket it did not open, so that "(https://…)" and a
 * masked link "[title](https://…)" yield the address while a Wikipedia "…/Dam_(disambiguation)" keeps its own.
 */
function trimmed(candidate: string): string {
  let link = candidate;
  for (;;) {
    const last = link.at(-1);
    const unopened = (last === ')' && count(link, '(') < count(link, ')')) || (last === ']' && count(link, '[') < count(link, ']'));
    if (!CLOSING.test(link) && !unopened) return link;
    link = link.slice(0, -1);
  }
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/**
 * The http(s) addresses a message points to, in the order a reader meets them: in its text, then its
 * embeds' own addresses (a link preview, a bot's embed); each once.
 */
export function messageLinks(content: string, embedUrls: ReadonlyArray<string | null | undefined>): string[] {
  const found = [...(content.match(CANDIDATE) ?? []).map(trimmed), ...embedUrls.filter((url): url is string => Boolean(url))];
  const links = found.filter((url) => /^https?:\/\/./i.test(url) && URL.canParse(url));
  return [...new Set(links)];
}
