import { describe, expect, it } from 'vitest';
import { extractTopics, type TopicSource } from '../../src/ingest/topics/extract-topics.ts';
import passages from '../fixtures/topics/names.json' with { type: 'json' };

const topicsOf = (name: keyof typeof passages.articles): string[] => extractTopics(passages.articles[name] as TopicSource);

describe('extractTopics: names in English', () => {
  it('keeps the Bank of England whole', () => {
    const topics = topicsOf('bank-of-england');
    expect(topics).toContain('Bank of England');
    expect(topics).not.toContain('England');
  });

  it('keeps a name joined by "of" whole, and joins no two places with "for"', () => {
    const topics = topicsOf('court-of-chancery');
    expect(topics).toContain('Delaware Court of Chancery');
    expect(topics).toEqual(expect.arrayContaining(['Pyongyang', 'Russia']));
  });

  it("ends a name at a possessive: Narendra Modi's Bharatiya Janata Party is two", () => {
    expect(topicsOf('possessive')).toEqual(expect.arrayContaining(['Narendra Modi', 'Bharatiya Janata Party']));
  });

  it('names the holder of an office, not the office', () => {
    const topics = topicsOf('office-holder');
    expect(topics).toContain('Antony Blinken');
    expect(topics.some((topic) => topic.startsWith('State Antony'))).toBe(false);
  });

  it('reads initials as the organisation the text names in full, once and whole', () => {
    const topics = topicsOf('acronym-regulator');
    expect(topics).toContain('Medicines and Healthcare products Regulatory Agency');
    expect(topics).not.toContain('MHRA');
    expect(topics).not.toContain('Regulatory Agency');
  });

  it('keeps an institution named "of" or "for" something whole across "and", but not a person or place after it', () => {
    const topics = topicsOf('and-inside-a-name');
    expect(topics).toEqual(expect.arrayContaining(['Centers for Disease Control and Prevention', 'Department of Health and Human Services', 'Duke of Sussex', 'Meghan', 'Bank of England', 'Spain']));
    expect(topics).not.toContain('Prevention');
  });

  it('takes capitals with a number for a name: a summit, a virus, a road, a chip; not a half-year', () => {
    const topics = extractTopics({
      title: 'G7 leaders meet as H5N1 spreads and the A48 closes',
      paragraphs: [
        'Leaders of the G7 met in Hiroshima on Friday as the H5N1 bird flu spread to dairy cattle, and H1 profits at dairies fell.',
        'The A48 will close for six weekends, the council said, and the G7 will meet again at COP28 in Dubai.',
        'Officials said H5N1 had not spread between people, while the A48 diversion would add 20 minutes.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['G7', 'H5N1', 'A48', 'COP28']));
    expect(topics).not.toContain('H1');
  });

  it('takes a brand written with a capital inside for a name, alone, and no unit', () => {
    const topics = extractTopics({
      title: 'Apple unveils iPhone 15 and visionOS at WWDC',
      paragraphs: [
        'Apple showed the iPhone 15 on Monday, and visionOS, the software of its headset, at WWDC in Cupertino.',
        'The BioNTech mRNA research team was not there; the iPhone 15 battery holds 3,349 mAh and charges at 20 kWh a year.',
        'Developers can try visionOS from next month, and the iPhone 15 ships in September.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['iPhone', 'visionOS']));
    expect(topics.filter((topic) => /BioNTech .|mAh|kWh/.test(topic))).toEqual([]);
  });

  it('keeps the number that ends a name', () => {
    expect(topicsOf('numbered-name')).toContain('Messier 87');
  });

  it('reads a person "of" an institution as two names, and a demonym or a count beside a name as neither', () => {
    const topics = topicsOf('person-of-place');
    expect(topics).toEqual(expect.arrayContaining(['Helen Toner', 'Georgetown University', 'Rafael Nadal']));
    expect(topics).not.toContain('Turkish');
    expect(topics).not.toContain('Swedish');
    expect(topics).not.toContain('Rafael Nadal 18');
  });

  it('reads a person the tagger does not know "of" an institution as two names, and an institution "of" a place as one', () => {
    const topics = topicsOf('unknown-person-of-institution');
    expect(topics).toEqual(expect.arrayContaining(['Heino Falcke', 'Radboud University', 'Bank of England']));
    expect(topics.some((topic) => topic.includes(' of Radboud'))).toBe(false);
  });

  it('reads a score line as the clubs the text names bare, not a club with its goals', () => {
    const topics = topicsOf('score-line');
    expect(topics).toEqual(expect.arrayContaining(['Chelsea', 'Tottenham', 'Leicester City']));
    expect(topics.filter((topic) => /\d/.test(topic))).toEqual([]);
  });

  it('keeps a capitalised particle that ends a place name: Cwm Du, not Du', () => {
    const topics = topicsOf('welsh-place');
    expect(topics).toContain('Cwm Du');
    expect(topics).not.toContain('Du');
  });

  it("keeps a saint's name whole with its possessive: St Anne's Primary School", () => {
    const topics = topicsOf('saints-school');
    expect(topics).toContain("St Anne's Primary School");
    expect(topics).not.toContain('St');
    expect(topics).not.toContain('Primary School');
  });

  it("keeps a saint's name whole when it opens the text", () => {
    const topics = topicsOf('saint-opens-sentence');
    expect(topics).toContain("St Anne's Primary School");
    expect(topics).not.toContain('St');
  });

  it('reads initials the lexicon knows as a word for the organisation: NICE', () => {
    expect(topicsOf('initials-read-as-a-word')).toEqual(expect.arrayContaining(['NICE', 'Vertex Pharmaceuticals']));
  });

  it('keeps initials inside a name, and takes no two bare letters for one', () => {
    const topics = topicsOf('initials-in-names');
    expect(topics).toEqual(expect.arrayContaining(['CRISPR Therapeutics', 'Medicare Part D']));
    expect(topics).not.toContain('Therapeutics');
    expect(topics).not.toContain('AP');
  });

  it('takes no month for a name, though "April" is a given name too, and keeps the person named May', () => {
    const topics = topicsOf('month-as-name');
    expect(topics).toEqual(expect.arrayContaining(['Sian Morgan', 'Theresa May']));
    expect(topics.filter((topic) => /^(?:April|May|June)$/.test(topic))).toEqual([]);
  });

  it('drops the titles of trade representatives, ombudsmen and ambassadors, and takes no title alone for a name', () => {
    const topics = topicsOf('titles-before-names');
    expect(topics).toEqual(expect.arrayContaining(['Robert Lighthizer', 'Nadia Cruz', 'Terry Branstad', 'Texas Attorney General']));
    expect(topics.filter((topic) => /^(?:US Trade|Trade Representative|Ombudsman|Ambassador)/.test(topic))).toEqual([]);
  });

  it('reads a place or an organisation run into a person named in full as two names, and keeps a place named after a person whole', () => {
    const topics = topicsOf('place-run-into-person');
    expect(topics).toEqual(expect.arrayContaining(['Marie Yovanovitch', 'Ukraine', 'Gordon Sondland', 'European Union', 'San Jose Mercury News']));
    expect(topics.filter((topic) => / (?:Marie|Gordon) /.test(topic))).toEqual([]);
  });

  it("drops a speaker's, an administrator's and a colonel's titles, and the title the tagger left after what it belongs to", () => {
    const topics = topicsOf('place-run-into-person');
    expect(topics).toEqual(expect.arrayContaining(['Alexander Vindman', 'Indiana House']));
    expect(topics.filter((topic) => /Speaker|Administrator|Col\b/.test(topic))).toEqual([]);
  });

  it('joins no institution to another across "and" after a place: Bank of America and Barclays', () => {
    const topics = extractTopics({ title: 'Banks fall', language: 'en', paragraphs: ['Shares in Bank of America and Barclays fell on Monday, while the Department of Health and Human Services said nothing.'] });
    expect(topics).toEqual(expect.arrayContaining(['Bank of America', 'Barclays', 'Department of Health and Human Services']));
    expect(topics.filter((topic) => topic.includes('America and'))).toEqual([]);
  });

  it('drops "PM" and "MP" before a name, keeps the party before "MP" and takes no month abbreviation for a name', () => {
    const topics = extractTopics({
      title: 'Athens and London react',
      language: 'en',
      paragraphs: ['ATHENS, 1 Jun. - Greek PM Alexis Tsipras spoke on Monday, and Tsipras said the talks would go on.', 'In London, the Labour MP Jane Roe said she would abstain.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Alexis Tsipras', 'Labour', 'Jane Roe']));
    expect(topics.filter((topic) => /\b(?:PM|MP)\b|^Jun$/.test(topic))).toEqual([]);
  });

  it('takes an unknown word opening a sentence for a given name only before a surname, and never a word the text also writes in lower case', () => {
    const topics = extractTopics({
      title: 'WeWork founder speaks',
      language: 'en',
      paragraphs: ['Ousted WeWork founder Adam Neumann spoke on Monday in New York. Summary Studies of sleep were published.', 'Regular Garrett fans waited, and regular visitors left. Neumann said WeWork had changed.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['WeWork', 'Adam Neumann']));
    expect(topics.filter((topic) => /^(?:Ousted|Summary|Regular) /.test(topic))).toEqual([]);
  });

  it('takes what an office is of for part of its title, not for a name: "Health Secretary", "Federal Environment Minister"', () => {
    const topics = topicsOf('office-domains');
    expect(topics).toEqual(expect.arrayContaining(['Wes Streeting', 'John Healey', 'Sussan Ley', 'Victoria Atkins', 'Canberra', 'Treasury']));
    expect(topics.filter((topic) => /^(?:Health|Defence|Environment|Federal|Shadow)/.test(topic))).toEqual([]);
  });

  it('keeps a given name the lexicon does not know when it opens a sentence, but not a role before a name', () => {
    const topics = topicsOf('given-name-opens-sentence');
    expect(topics).toEqual(expect.arrayContaining(['Satya Nadella', 'Parag Agrawal', 'Stellantis', 'Patricia Greene']));
    expect(topics.filter((topic) => /^(?:Nadella|Agrawal|Carmaker|Councilwoman)/.test(topic))).toEqual([]);
  });

  it('keeps the demonym an institution opens with, and takes none before a title or a common noun for a name', () => {
    const topics = topicsOf('institution-shapes');
    expect(topics).toEqual(expect.arrayContaining(['Indian Space Research Organisation', 'Chinese Communist Party', 'Vladimir Putin']));
    expect(topics.filter((topic) => /^(?:Space Research Organisation|Communist Party|Russian|South Korean)/.test(topic))).toEqual([]);
  });

  it('keeps an institution whose name ends in its kind, and a law, whole across "and": the Securities and Exchange Commission, the Chips and Science Act', () => {
    const topics = topicsOf('institution-shapes');
    expect(topics).toEqual(expect.arrayContaining(['Securities and Exchange Commission', 'Chips and Science Act']));
    expect(topics.filter((topic) => /^(?:Securities|Exchange Commission|Chips|Science Act)$/.test(topic))).toEqual([]);
  });

  it('takes no word the text writes only before a changing number for a name: "Category 5", "Category 3"', () => {
    const topics = extractTopics({
      title: 'Milton makes landfall in Florida',
      language: 'en',
      paragraphs: ['The storm strengthened to Category 5 over the Gulf of Mexico and weakened to Category 3 before landfall near Siesta Key.', 'Florida braced for the surge.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Gulf of Mexico', 'Siesta Key']));
    expect(topics.filter((topic) => topic.startsWith('Category'))).toEqual([]);
  });

  it('takes no preposition, conjunction or pronoun the tagger read as a name for one, and keeps the US', () => {
    const topics = topicsOf('function-word-at-quote-start');
    expect(topics).toEqual(expect.arrayContaining(['Singh Jabarjung', 'Mexico', 'California']));
    expect(topics).not.toContain('From');
    const us = { title: 'US and China talk', language: 'en', paragraphs: ['The US and China resumed talks on Monday in Geneva, and the US said it was hopeful.'] };
    expect(extractTopics(us)).toContain('US');
  });

  it("drops a councillor's title: Coun Helen Hayden is Helen Hayden", () => {
    const topics = topicsOf('councillor-title');
    expect(topics).toContain('Helen Hayden');
    expect(topics.some((topic) => /^(?:Coun|Cllr)\b/.test(topic))).toBe(false);
  });

  it('takes neither a headline name the body never writes in lower case nor a job title for a subject', () => {
    const topics = topicsOf('headline-name');
    expect(topics).not.toContain('elon');
    expect(topics).not.toContain('chief executive');
  });
});

describe('extractTopics: a name the headline writes inside a longer one', () => {
  it('takes the place the headline names for a topic beside the council the body names', () => {
    const topics = extractTopics({
      title: 'Millbrook council approves $4.2 million plan to replace downtown water mains',
      paragraphs: [
        'The Millbrook City Council voted 6-1 on Monday to replace the water mains under Main Street, some laid in 1911.',
        'Councillor Luis Ortega said the mains had burst four times this year and that the work would start in April.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['Millbrook City Council', 'Millbrook']));
  });

  it("takes no part of a person's name for a name of its own", () => {
    const topics = extractTopics({
      title: 'Musk completes Twitter takeover as Le Pen congratulates him',
      paragraphs: [
        'Elon Musk completed his takeover of Twitter on Thursday, the company said in a filing.',
        'In Paris, Jean-Marie Le Pen said the deal was good news for free speech.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['Elon Musk', 'Jean-Marie Le Pen']));
    expect(topics).not.toContain('Musk');
    expect(topics).not.toContain('Pen');
  });

  it('takes no word for a name of its own where the headline writes it with the longer name\'s word before it: "Le Pen" holds "Pen"', () => {
    const topics = extractTopics({
      title: 'Le Pen salue la victoire de son parti aux régionales',
      language: 'fr',
      paragraphs: [
        'Dimanche soir, Jean-Marie Le Pen a salué la victoire du Front national dans six régions, depuis sa maison de Saint-Cloud.',
        'Le fondateur du parti a appelé ses électeurs à voter de nouveau la semaine prochaine.',
      ],
    });
    expect(topics).toContain('Jean-Marie Le Pen');
    expect(topics).not.toContain('Pen');
  });

  it('takes no part of a name from a headline in Title Case, where every word has a capital', () => {
    const topics = extractTopics({
      title: 'Millbrook Council Approves Plan To Replace Downtown Water Mains',
      paragraphs: ['The Millbrook City Council voted 6-1 on Monday to replace the water mains under Main Street.'],
    });
    expect(topics).not.toContain('Millbrook');
  });
});

describe('extractTopics: names in other languages', () => {
  it('reads a name that opens a sentence with a capitalised particle whole: Marine Le Pen, Luigi Di Maio', () => {
    const french = extractTopics({
      title: 'Le Pen salue la victoire de son parti aux régionales',
      language: 'fr',
      paragraphs: ['Marine Le Pen a salué dimanche soir la victoire du Front national dans six régions.', 'Selon Le Monde, la présidente du parti a appelé ses électeurs à voter de nouveau.'],
    });
    const italian = extractTopics({ title: 'Di Maio lascia il Movimento', language: 'it', paragraphs: ['Luigi Di Maio ha lasciato il Movimento martedì a Roma, dopo mesi di tensioni.'] });
    expect(french).toContain('Marine Le Pen');
    expect(french).not.toContain('Pen');
    expect(french.some((topic) => topic.startsWith('Selon'))).toBe(false);
    expect(italian).toContain('Luigi Di Maio');
  });

  it('takes no word the text also writes in lower case into a name with a capitalised particle: Malgré La Poste is La Poste', () => {
    const topics = extractTopics({
      title: 'Grève des facteurs à Lyon',
      language: 'fr',
      paragraphs: ['Malgré La Poste, les facteurs de Lyon ont fait grève mardi.', 'La grève a duré toute la journée malgré les appels de la direction.'],
    });
    expect(topics).toContain('La Poste');
    expect(topics.some((topic) => topic.startsWith('Malgré'))).toBe(false);
  });

  it('drops a title before a Spanish name and keeps an institution whole', () => {
    const topics = topicsOf('spanish-titles');
    expect(topics).toEqual(expect.arrayContaining(['Pedro Sánchez', 'Felipe VI', 'Congreso de los Diputados', 'La Moncloa']));
    expect(topics).not.toContain('Rey Felipe VI');
  });

  it('keeps a football club whole', () => {
    expect(topicsOf('spanish-club')).toContain('Real Oviedo');
  });

  it('keeps a capitalised particle inside a French name and takes no first word of a sentence for a name', () => {
    const topics = topicsOf('french-particle');
    expect(topics).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Marine Le Pen', 'François Hollande']));
    expect(topics).not.toContain('Selon');
    expect(topics).not.toContain('Le');
  });

  it('takes no German common noun for a name, and reads the company off a compound title', () => {
    const topics = topicsOf('german-nouns');
    expect(topics).toEqual(expect.arrayContaining(['Martin Winterkorn', 'Matthias Müller', 'Volkswagen', 'Porsche', 'Wolfsburg']));
    expect(topics).not.toContain('Abgaswerte');
    expect(topics).not.toContain('Arbeitsplätze');
  });

  it('takes no German noun counted in millions for a name: elf Millionen Fahrzeuge', () => {
    const topics = topicsOf('german-counted-nouns');
    expect(topics).toEqual(expect.arrayContaining(['Volkswagen', 'Matthias Müller']));
    expect(topics).not.toContain('Fahrzeuge');
  });

  it('takes German initials written once for a name, and a place written once and in the headline, but no noun of the headline', () => {
    const topics = topicsOf('german-initials-and-headline');
    expect(topics).toEqual(expect.arrayContaining(['Martin Winterkorn', 'EPA', 'Wolfsburg']));
    expect(topics).not.toContain('Ende');
  });

  it('takes no stop word for a name, such as the German "Sie" that addresses the reader or a "Die" after a bracket, nor a German month', () => {
    const topics = topicsOf('german-formal-you');
    expect(topics).toEqual(expect.arrayContaining(['Karl Lauterbach', 'Berlin']));
    expect(topics.filter((topic) => /^(?:Sie|Die)$|Januar/.test(topic))).toEqual([]);
  });

  it("names the holder of a French office, not the office's domain", () => {
    const topics = topicsOf('french-office');
    expect(topics).toEqual(expect.arrayContaining(['Laurent Nuñez', 'Christophe Castaner']));
    expect(topics).not.toContain('Intérieur');
    expect(topics.some((topic) => topic.startsWith('État'))).toBe(false);
  });

  it('keeps an institution whole with the adjectives its name ends in', () => {
    const topics = topicsOf('french-institutions');
    expect(topics).toEqual(expect.arrayContaining(['Assemblée nationale', 'Front national', 'Parti socialiste']));
    expect(topics).not.toContain('Assemblée');
  });

  it('reads a thing "of" a person named in full as the person: los Presupuestos de Mariano Rajoy', () => {
    const topics = topicsOf('thing-of-a-person');
    expect(topics).toEqual(expect.arrayContaining(['Mariano Rajoy', 'Antonio López', 'Juan Carlos de Borbón']));
    expect(topics.some((topic) => /^(?:Presupuestos|Museo) de/.test(topic))).toBe(false);
  });

  it('takes no state or government named bare for a name, whose it is being left to the context', () => {
    const french = topicsOf('bare-government');
    expect(french).toEqual(expect.arrayContaining(['Chartres', 'Rachida Dati']));
    expect(french.filter((topic) => /^(?:État|Gouvernement)$/.test(topic))).toEqual([]);
    const spanish = topicsOf('bare-government-es');
    expect(spanish).toEqual(expect.arrayContaining(['Pedro Sánchez', 'Gobierno de Cataluña', 'Andalucía']));
    expect(spanish.filter((topic) => /^(?:Gobierno|Estado|Ejecutivo)$/.test(topic))).toEqual([]);
  });

  it("reads an institution named without the adjectives that end its name as the institution: l'Assemblée", () => {
    const topics = topicsOf('institution-shortened');
    expect(topics).toEqual(expect.arrayContaining(['Assemblée nationale', 'Élisabeth Borne', 'Yaël Braun-Pivet']));
    expect(topics).not.toContain('Assemblée');
  });

  it('takes a given name after a German relative pronoun for a name, not a noun: der Martin Winterkorn', () => {
    const topics = topicsOf('relative-before-name');
    expect(topics).toContain('Martin Winterkorn');
    expect(topics).not.toContain('Martin');
  });

  it('reads initials in brackets as the union the text names in full', () => {
    const topics = topicsOf('acronym-union');
    expect(topics).toContain('Gewerkschaft Deutscher Lokomotivführer');
    expect(topics).not.toContain('GDL');
  });

  it('takes no century or republic written in Roman numerals for a name, nor the Republic named bare', () => {
    const topics = extractTopics({
      title: 'La flèche de Notre-Dame s’effondre',
      language: 'fr',
      paragraphs: ['La flèche dessinée par Viollet-le-Duc au XIXe siècle s’est effondrée sur la charpente du XIIIe siècle, sous la Ve République.', 'Le président de la République est attendu sur place.'],
    });
    expect(topics).toContain('Viollet-le-Duc');
    expect(topics.filter((topic) => /^(?:XIXe|XIIIe|Ve)\b|^République$/.test(topic))).toEqual([]);
  });

  it('reads the article that opens a name as the article, not a number spelt like "Ve": Le Monde', () => {
    const topics = extractTopics({
      title: 'Le budget des armées sera réduit',
      language: 'fr',
      paragraphs: ['Le gouvernement prépare des coupes dans le budget des armées, a révélé Le Monde mardi, sous la Ve République comme avant.'],
    });
    expect(topics).toContain('Le Monde');
    expect(topics).not.toContain('Monde');
  });

  it('keeps a civil protection agency whole with its lower-case adjective: la Protezione civile', () => {
    const topics = extractTopics({
      title: 'Terremoto, la Protezione civile convoca il comitato operativo',
      language: 'it',
      paragraphs: ['La Protezione civile ha convocato il comitato operativo dopo la scossa di Amatrice.', 'Il capo della Protezione civile, Fabrizio Curcio, è atteso ad Amatrice.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Protezione civile', 'Amatrice', 'Fabrizio Curcio']));
    expect(topics).not.toContain('Protezione');
  });

  it('names the holder of the office of head of government, not the office: presidente del Consiglio Matteo Renzi', () => {
    const italian = extractTopics({
      title: 'Renzi si dimette',
      language: 'it',
      paragraphs: ['Il presidente del Consiglio Matteo Renzi ha parlato a Roma in serata.', 'Renzi ha poi lasciato Palazzo Chigi.'],
    });
    expect(italian).toEqual(expect.arrayContaining(['Matteo Renzi', 'Roma', 'Palazzo Chigi']));
    expect(italian.filter((topic) => topic.startsWith('Consiglio'))).toEqual([]);
    const spanish = extractTopics({ title: 'Sánchez habla', language: 'es', paragraphs: ['El presidente del Gobierno Pedro Sánchez habló en Madrid.', 'Sánchez pidió calma.'] });
    expect(spanish).toContain('Pedro Sánchez');
    expect(spanish.filter((topic) => topic.startsWith('Gobierno'))).toEqual([]);
  });

  it("reads a party's initials run into a person named in full as two names: del PP Luis Bárcenas", () => {
    const topics = extractTopics({
      title: 'Condenado el extesorero',
      language: 'es',
      paragraphs: ['La Audiencia Nacional condenó al extesorero del PP Luis Bárcenas a 33 años.', 'Bárcenas recurrirá, y el PP guardó silencio.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Luis Bárcenas', 'PP', 'Audiencia Nacional']));
    expect(topics).not.toContain('PP Luis Bárcenas');
  });

  it('takes no German quantifier opening a sentence for part of a name: Zehntausende Menschen, Mehrere Manager', () => {
    const topics = extractTopics({
      title: 'Volkswagen in der Krise',
      language: 'de',
      paragraphs: ['Im Stammwerk von Volkswagen arbeiten Zehntausende Menschen. Mehrere Manager wurden beurlaubt.', 'Volkswagen sagte am Freitag, der Konzern werde sparen.'],
    });
    expect(topics).toContain('Volkswagen');
    expect(topics.filter((topic) => /Zehntausende|Mehrere|Menschen|Manager/.test(topic))).toEqual([]);
  });

  it('reads a name after an elided article, and two names joined by "e" as two', () => {
    const topics = topicsOf('italian-elision');
    expect(topics).toEqual(expect.arrayContaining(['Italia', 'Accumoli', 'Amatrice', 'Arquata del Tronto']));
  });
});
