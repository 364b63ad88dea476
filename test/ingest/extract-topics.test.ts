import { describe, expect, it } from 'vitest';
import { extractTopics, topicCandidates } from '../../src/ingest/topics/extract-topics.ts';
import { topicKey } from '../../src/ingest/topics/topic-key.ts';

const seed = {
  title: 'Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports',
  dek: 'The meeting is expected to take place in the Russian port city of Vladivostok',
  paragraphs: [
    'NORTH KOREA: North Korea’s leader, Kim Jong-un, will travel to Russia by armoured train for a meeting with Vladimir Putin amid concerns that Pyongyang may supply Moscow with weapons for the conflict against Ukraine, according to reports.',
    'According to South Korean media, an armoured train transporting Kim left Pyongyang for Russia across North Korea’s northeastern border. A meeting is anticipated to take place as soon as Tuesday in the Russian port city of Vladivostok, where Putin has already arrived.',
    'Kim Jong-un and Putin are expected to meet at the annual Eastern Economic Forum in Vladivostok, which will run until September 13. The Kremlin announced Putin’s arrival in Vladivostok for a two-day visit.',
  ],
};

describe('extractTopics', () => {
  it('names the people and places the seed article is about', () => {
    const topics = extractTopics(seed);
    expect(topics).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin', 'North Korea', 'Russia', 'Vladivostok']));
  });

  it('folds "Putin" and "Kim" into the full names instead of listing them twice', () => {
    const topics = extractTopics(seed);
    expect(topics).not.toContain('Putin');
    expect(topics).not.toContain('Kim');
  });

  it('spells a person as the headline does when the body hyphenates the name', () => {
    expect(extractTopics(seed)).not.toContain('Kim Jong-un');
  });

  it('reads a shouted dateline as the place it names, once', () => {
    const topics = extractTopics(seed);
    expect(topics.filter((topic) => topicKey(topic) === 'north korea')).toEqual(['North Korea']);
  });

  it('does not take an adjective before a common noun for a name', () => {
    expect(extractTopics(seed)).not.toContain('South Korean');
  });

  it('ranks what the headline names first', () => {
    expect(extractTopics(seed).slice(0, 4)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Vladimir Putin']));
  });

  it('drops the title before a name, and reads a surname after it as the same person', () => {
    const topics = extractTopics({
      title: 'Farmers return to cleared fields',
      paragraphs: [
        'Oleksandr Hrytsenko walked behind a tractor on the edge of his village east of Kharkiv.',
        '“Every spring I think about whether this is the year I don’t come home,” Mr. Hrytsenko said, as President Volodymyr Zelensky promised more de-mining teams.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['Oleksandr Hrytsenko', 'Volodymyr Zelensky']));
    expect(topics).not.toContain('Hrytsenko');
    expect(topics).not.toContain('Mr. Hrytsenko');
  });

  it('reads a family name written first as the person the text has named in full, but not a company named before the place named after it', () => {
    const film = extractTopics({
      title: 'A four-Oscar night',
      paragraphs: ['When Bong Joon-ho took the stage to accept best director, he turned to the front row.', 'Bong had earlier shared original screenplay, and Bong matched a record.'],
    });
    expect(film).toContain('Bong Joon-ho');
    expect(film).not.toContain('Bong');
    const launch = extractTopics({
      title: 'Un casco, por fin',
      language: 'es',
      paragraphs: ['Apple presentó su primer casco en Apple Park el lunes.', 'Apple dijo que el casco llegará el año que viene, y Apple espera a los desarrolladores.'],
    });
    expect(launch).toEqual(expect.arrayContaining(['Apple', 'Apple Park']));
  });

  it('reads a surname two people share as the one the story names most', () => {
    const verdict = extractTopics({
      title: 'Relief in Minneapolis as the verdict lands',
      paragraphs: ['George Floyd died in May. Philonise Floyd, George Floyd’s younger brother, said the family could breathe again.', 'Floyd’s death set off protests, and George Floyd Square filled with people.'],
    });
    expect(verdict).toEqual(expect.arrayContaining(['George Floyd', 'Philonise Floyd']));
    expect(verdict).not.toContain('Floyd');
  });

  it('reads a family name before a hyphenated given name as the person, whatever the tagger made of either', () => {
    const court = extractTopics({
      title: 'After the candles, a verdict: Park Geun-hye is out',
      paragraphs: [
        'When Lee Jung-mi, the acting head of the Constitutional Court, reached its final words, that the respondent, President Park Geun-hye, is dismissed, a roar went up from the crowds in central Seoul.',
        'The justices found that Ms Park had let Choi Soon-sil see confidential documents. The National Assembly impeached Ms Park in December. Ms Park, who did not appear in court, made no immediate comment.',
      ],
    });
    expect(court).toContain('Park Geun-hye');
    expect(court).not.toContain('Park');
  });

  it('reads a list of places as one topic each', () => {
    const topics = extractTopics({
      title: 'Blinken heads to the Middle East',
      paragraphs: ['Blinken will visit Saudi Arabia, Egypt, Qatar and Israel over four days, the State Department said.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Saudi Arabia', 'Egypt', 'Qatar']));
    expect(topics.some((topic) => topic.includes(','))).toBe(false);
  });

  it('takes back the words of a name that the tagger left off', () => {
    const topics = extractTopics({
      title: 'Heat and a derby',
      paragraphs: [
        'Las Vegas hit 120 degrees for the first time on record on Sunday, the National Weather Service said.',
        'United had equalised through Alejandro Garnacho, and Erik ten Hag’s side had chances to take the lead.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['Las Vegas', 'Erik ten Hag']));
    expect(topics).not.toContain('Las');
    expect(topics).not.toContain('Erik');
  });

  it('keeps the last word of a person\'s name that the lexicon reads as something else', () => {
    const topics = extractTopics({
      title: "North Korea's Kim travels to Russia",
      paragraphs: ['North Korean leader Kim Jong Un has left Pyongyang aboard his armoured train for Russia, South Korean media reported on Monday.'],
    });
    expect(topics).toContain('Kim Jong Un');
    expect(topics).not.toContain('Kim Jong');
  });

  it('reads a hyphenated pair of names as the two names when one is named on its own', () => {
    const topics = extractTopics({
      title: 'Blinken heads to the Middle East',
      paragraphs: ['Antony Blinken left for Israel on his fifth trip since the Israel-Hamas war began.', 'Israel has been pressed to allow more aid in.'],
    });
    expect(topics).toEqual(expect.arrayContaining(['Israel', 'Hamas']));
    expect(topics).not.toContain('Israel-Hamas');
  });

  it('returns nothing for an article without text', () => {
    expect(extractTopics({ title: 'Untitled', paragraphs: [] })).toEqual([]);
  });
});

describe('extractTopics: key subjects', () => {
  const heatwave = {
    title: 'Greek wildfires force evacuation of Athens suburbs as heatwave grips southern Europe',
    dek: 'Hundreds of firefighters battle blazes fanned by strong winds, as temperatures pass 40C in Italy and Spain',
    paragraphs: [
      'Thousands of residents were ordered to leave suburbs north of Athens on Monday as a wildfire fanned by gale-force winds swept towards the Greek capital.',
      'Southern Europe has endured weeks of extreme heat this summer, and scientists say the climate crisis is making heatwaves longer. The heatwave is expected to last until Friday.',
      'Last year, the largest wildfire ever recorded in the EU burned more than 900 sq km of forest.',
    ],
  };

  it('names what the article is about beyond its names, after the names', () => {
    const topics = extractTopics(heatwave);
    expect(topics).toEqual(expect.arrayContaining(['heatwave', 'wildfire']));
    expect(topics.indexOf('heatwave')).toBeGreaterThan(topics.indexOf('Athens'));
  });

  it('takes a compound as the subject when the text says it that way', () => {
    const topics = extractTopics({
      title: 'Central bank holds interest rates as inflation cools',
      paragraphs: [
        'The central bank kept interest rates unchanged on Thursday, saying inflation had slowed for a third month.',
        'Markets had expected interest rates to stay at their highest level in 15 years until inflation falls further.',
      ],
    });
    expect(topics).toContain('interest rates');
    expect(topics).not.toContain('rates');
  });

  it('keeps a hyphenated word whole in a subject', () => {
    const topics = extractTopics({
      title: 'Sodium-ion batteries are leaving the lab',
      paragraphs: [
        'Sodium-ion batteries are cheaper than the lithium cells in most phones, and the first factories are now shipping them.',
        'Grid operators say sodium-ion batteries suit storage next to solar farms, where weight matters less.',
      ],
    });
    expect(topics).toContain('sodium-ion batteries');
    expect(topics).not.toContain('ion');
  });

  it('takes a three-word compound whole rather than the word that recurs inside it', () => {
    const topics = extractTopics({
      title: 'Regulator approves a gene therapy for sickle cell disease',
      paragraphs: [
        'Patients with sickle cell disease will be offered the therapy, which edits their own blood cells.',
        'Sickle cell disease causes severe pain; the cells are collected, edited and returned to the patient.',
      ],
    });
    expect(topics).toContain('sickle cell disease');
    expect(topics).not.toContain('cell');
  });

  it('keeps a degree that names a kind in the compound it opens, but no degree that measures', () => {
    const topics = extractTopics({
      title: 'Who should get the new RSV vaccines?',
      paragraphs: [
        'RSV is a common virus, but it can be dangerous for babies and older adults, and more money is going to prevention.',
        'In clinical trials, the two vaccines for older adults cut hospital stays, and regulators have approved both for older adults.',
        'Health officials say more money will follow, as older adults face the worst of the winter season.',
      ],
    });
    expect(topics).toContain('older adults');
    expect(topics).not.toContain('adults');
    expect(topics).not.toContain('more money');
  });

  it('takes a compound that ends in a noun every story uses, but not that noun alone nor where another noun follows it', () => {
    const topics = extractTopics({
      title: 'Djokovic saves two championship points to beat Federer in a marathon final',
      paragraphs: [
        'Novak Djokovic beat Roger Federer in a tie-break after both championship points came on Federer’s serve.',
        'The two championship points were saved at 8-7 in the fifth set, and the crowd thought the marathon world record for a final would fall.',
        'The marathon world record for a men’s final stood at four hours and 48 minutes before Sunday.',
      ],
    });
    expect(topics).toContain('championship points');
    expect(topics).not.toContain('points');
    expect(topics.some((topic) => /world$/.test(topic))).toBe(false);
  });

  it('spells a subject as the text writes it, accents and Greek letters kept', () => {
    const topics = extractTopics({
      title: 'Regulator approves gene therapy for β-thalassaemia as café owners fund research',
      paragraphs: [
        'Patients with β-thalassaemia need blood transfusions every few weeks, and the new therapy could end them.',
        'In trials, most patients with β-thalassaemia no longer needed transfusions; a café owners’ charity paid for part of the work.',
        'Every café in the town gave a share of its takings, and the café trade body said it would go on.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['β-thalassaemia', 'café']));
    expect(topics.some((topic) => /thalassaemia|cafe/.test(topic) && !/β|é/.test(topic))).toBe(false);
  });

  it('leaves out nouns every story uses and headline wording the body never repeats', () => {
    const topics = extractTopics(heatwave);
    expect(topics).not.toContain('year');
    expect(topics).not.toContain('week');
    expect(topics).not.toContain('force');
  });

  it('takes no count for a subject: hundreds and dozens are numbers', () => {
    const topics = extractTopics({
      title: 'Earthquake hits the border region',
      paragraphs: [
        'Hundreds of buildings collapsed when the earthquake struck before dawn, and hundreds of families spent the night outside.',
        'Dozens of rescue teams searched the rubble. Hundreds of aftershocks followed, and dozens of roads were closed by the earthquake.',
      ],
    });
    expect(topics).toContain('earthquake');
    expect(topics.filter((topic) => /hundred|dozen/i.test(topic))).toEqual([]);
  });

  it('takes a headline label as the subject even when the body words it otherwise', () => {
    const topics = extractTopics({
      title: 'Netherlands floods: Thousands evacuated as rivers burst their banks',
      paragraphs: ['Thousands of people have been evacuated from towns in the southern Netherlands after days of heavy rain caused the Meuse to burst its banks.'],
    });
    expect(topics).toContain('floods');
  });

  it('reads a headline word as the noun the body uses it as: "Monsoon floods cut road links"', () => {
    const topics = extractTopics({
      title: 'Monsoon floods cut road links to three districts in Assam',
      paragraphs: ['Floods have cut road links to three districts in Assam, and rescue teams used boats on Monday to reach villages cut off since Sunday.', 'More rain is forecast for the week, officials said.'],
    });
    expect(topics).toContain('floods');
  });

  it('takes no participle after "have" for a noun: "have cut road links" says nothing of cuts', () => {
    const topics = extractTopics({
      title: 'Monsoon floods cut road links to three districts in Assam',
      paragraphs: ['Rescue teams used boats on Monday to reach villages in Assam cut off since Sunday.', 'Floods have cut road links to three districts, and more rain is forecast. The floods are the worst in a decade, officials said.'],
    });
    expect(topics).toContain('road links');
    expect(topics.filter((topic) => topic.startsWith('cut'))).toEqual([]);
  });

  it('takes no preposition the lexicon lists as an adjective into a compound: "under domestic violence"', () => {
    const topics = extractTopics({
      title: 'Supreme Court upholds ban on guns for people under domestic violence orders',
      paragraphs: ['The Supreme Court upheld a federal law that bars people under domestic violence restraining orders from owning guns.', 'Advocates for survivors of domestic violence welcomed the ruling.'],
    });
    expect(topics).toContain('domestic violence');
    expect(topics.filter((topic) => topic.startsWith('under'))).toEqual([]);
  });

  it('reads "rose" as the past of "rise" and what rose as the noun, unless an article or adjective makes it the flower', () => {
    const rents = extractTopics({
      title: 'Westbrook rents rose 9% in a year, letting agents say',
      paragraphs: ['Rents in Westbrook rose by 9% in the year to February, letting agents said.', 'Many landlords sold up after mortgage rates rose, and shares in lenders rose sharply. Mortgage rates have doubled since 2021.'],
    });
    expect(rents).toEqual(expect.arrayContaining(['rents', 'mortgage rates']));
    expect(rents).not.toContain('rose');
    const flower = extractTopics({
      title: 'Gardeners prize a rare rose',
      paragraphs: ['The Chelsea show crowned a red rose from Kent on Tuesday. The rose, bred over ten years, beat 40 others.', 'Its breeder said the rose would go on sale in spring.'],
    });
    expect(flower).toContain('rose');
  });

  it('offers the people a story is about as subjects, never the residents every story quotes', () => {
    const source = {
      title: 'Valley farmers count the cost of the wettest spring on record',
      paragraphs: [
        'Farmers and residents across the valley say weeks of rain have left fields under water, residents said on Monday.',
        'The farmers union has asked the government for support payments. Farmers say half their usual acreage is unplanted, and residents of the valley agree.',
      ],
    };
    expect(extractTopics(source)).toContain('farmers');
    expect(topicCandidates(source).map(({ topic }) => topic)).not.toContain('residents');
  });

  it("takes a word of a name for a subject when the headline writes it in lower case: a primary school over St Anne's Primary School", () => {
    const topics = extractTopics({
      title: 'Northgate primary school to get new classrooms after roof collapse',
      paragraphs: [
        "St Anne's Primary School in Northgate will get six new classrooms after part of its roof collapsed in the summer.",
        'Nobody was hurt when the roof over the school hall gave way, the council said. The school will use temporary cabins until the new classrooms open.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(["St Anne's Primary School", 'school']));
    expect(topics).not.toContain('council');
  });

  it('gives an article in another language its names, an organisation whole, then the nouns its headline and text share', () => {
    const topics = extractTopics({
      title: 'São Paulo decreta emergência por dengue após alta de casos',
      language: 'pt-BR',
      paragraphs: ['A Prefeitura de São Paulo decretou nesta segunda-feira situação de emergência por causa da dengue, anunciou o prefeito Ricardo Nunes.'],
    });
    expect(topics).toEqual(['Prefeitura de São Paulo', 'São Paulo', 'Ricardo Nunes', 'dengue', 'emergência']);
  });

  it('takes the nouns a Spanish text marks with its articles, a noun with the noun it qualifies whole', () => {
    const topics = extractTopics({
      title: 'Sequía: Cataluña declara la emergencia',
      language: 'es',
      paragraphs: [
        'La Generalitat declaró este jueves la emergencia por sequía en Barcelona, tras tres años de lluvias escasas.',
        'La sequía obliga a limitar el consumo de agua. Es la peor sequía de la que tenemos constancia, dijo el presidente.',
        'La moción de censura prosperó. Los socialistas registraron la moción de censura al día siguiente, y la moción salió adelante.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['sequía', 'emergencia', 'moción de censura']));
    expect(topics).not.toContain('moción');
    expect(topics).not.toContain('años');
  });

  it('joins no compound across a comma', () => {
    const topics = extractTopics({
      title: 'La emergencia sigue',
      language: 'es',
      paragraphs: ['La emergencia, de madrugada, seguía en vigor.', 'La emergencia, de madrugada, no se levanta, y la madrugada es fría.'],
    });
    expect(topics).toContain('emergencia');
    expect(topics).not.toContain('emergencia de madrugada');
  });

  it('reads a French noun after an elided article, and no verb after a pronoun that looks like one', () => {
    const topics = extractTopics({
      title: '« Nous la rebâtirons » : la cathédrale ravagée par l’incendie',
      language: 'fr',
      paragraphs: [
        'L’incendie s’est déclaré dans les combles de la cathédrale. Nous la rebâtirons, a dit le président.',
        'Les pompiers ont lutté contre l’incendie toute la nuit. Nous la rebâtirons.',
      ],
    });
    expect(topics).toEqual(expect.arrayContaining(['incendie', 'cathédrale']));
    expect(topics).not.toContain('rebâtirons');
  });

  it('takes no title for a subject in another language: le président is who someone is', () => {
    const topics = extractTopics({
      title: 'Le président promet une majorité',
      language: 'fr',
      paragraphs: [
        'Le président a promis une majorité au Parlement. Le nouveau président devra convaincre les électeurs.',
        'Pour le président, la majorité se gagne en juin, et la majorité compte plus que tout.',
      ],
    });
    expect(topics).toContain('majorité');
    expect(topics).not.toContain('président');
  });

  it('takes a German noun after its article as a subject, and no day of the week', () => {
    const topics = extractTopics({
      title: 'Rücktritt in Wolfsburg',
      language: 'de',
      paragraphs: ['Der Vorstandschef hat am Freitag seinen Rücktritt erklärt.', 'Der Rücktritt kam nach dem Skandal. Am Freitag tagt der Aufsichtsrat, und am Freitag fällt die Entscheidung.'],
    });
    expect(topics).toContain('Rücktritt');
    expect(topics).not.toContain('Freitag');
  });

  it('takes no German word for the company it writes about for a subject: der Konzern', () => {
    const topics = extractTopics({
      title: 'Der Konzern kündigt einen Stellenabbau an',
      language: 'de',
      paragraphs: [
        'Der Konzern kündigt einen Stellenabbau an: 4.000 Stellen fallen weg, teilte Siemens am Montag mit.',
        'Der Konzern begründet den Stellenabbau mit der schwachen Nachfrage. Der Stellenabbau trifft vor allem Erlangen, sagte der Konzern.',
      ],
    });
    expect(topics).toContain('Stellenabbau');
    expect(topics).not.toContain('Konzern');
  });

  it('gives subjects no more than a third of the list when there are names enough', () => {
    expect(extractTopics(seed, 6).slice(0, 4).every((topic) => /^\p{Lu}/u.test(topic))).toBe(true);
  });
});

describe('topicKey', () => {
  it('gives hyphenated and spaced spellings of a name one key', () => {
    expect(topicKey('Kim Jong-un')).toBe(topicKey('Kim Jong Un'));
  });

  it('ignores possessives and the dots of abbreviations', () => {
    expect(topicKey('North Korea’s')).toBe(topicKey('North Korea'));
    expect(topicKey('U.S.')).toBe(topicKey('US'));
  });
});
