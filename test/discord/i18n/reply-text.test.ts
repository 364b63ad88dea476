import { describe, expect, it } from 'vitest';
import { ENGLISH, replyText } from '../../../src/discord/i18n/reply-text.ts';
import { briefingMessages } from '../../../src/discord/render/briefing-messages.ts';
import { summaryMessages } from '../../../src/discord/render/summary-messages.ts';
import { trendingMessages } from '../../../src/discord/render/topic-messages.ts';
import { briefingItem, digest } from '../render/briefing-fixtures.ts';

describe('Herald’s words in the reader’s language', () => {
  it('are English for a locale Herald has no words for, and when no locale is known (the console)', () => {
    expect(replyText('ja')).toBe(ENGLISH);
    expect(replyText('en-GB')).toBe(ENGLISH);
    expect(replyText(undefined)).toBe(ENGLISH);
  });

  it('follow the language of a Discord locale with a region: both Spanish ones, Brazilian Portuguese', () => {
    expect(replyText('es-ES').alsoRead).toBe('Lee también');
    expect(replyText('es-419').alsoRead).toBe('Lee también');
    expect(replyText('pt-BR').alsoRead).toBe('Leia também');
  });

  it('name the commands in /help as the reader’s Discord shows them', () => {
    expect(replyText('de').helpNews).toMatch(/^`\/nachrichten thema:` /);
    expect(replyText('fr').helpSources).toMatch(/^`\/sources ajouter\|retirer\|liste` /);
  });

  it('name a story’s language in the reader’s language, with French elision and German declension', () => {
    expect(replyText('fr').translatedFrom('en')).toBe('traduit de l’anglais');
    expect(replyText('fr').translatedFrom('pt')).toBe('traduit du portugais');
    expect(replyText('fr').writtenIn('de')).toBe('en allemand');
    expect(replyText('de').translatedFrom('fr')).toBe('aus dem Französischen übersetzt');
    expect(replyText('es').writtenIn('fr')).toBe('en francés');
  });

  it('count a schedule’s one story in the singular in every language', () => {
    expect(replyText(undefined).upToStories(1)).toBe('up to 1 story');
    expect(replyText('es').upToStories(1)).toBe('hasta 1 noticia');
    expect(replyText('de').upToStories(1)).toBe('bis zu 1 Meldung');
    expect(replyText('fr').upToStories(1)).toBe('jusqu’à 1 article');
    expect(replyText('pt-BR').upToStories(1)).toBe('até 1 notícia');
    expect(replyText(undefined).upToStories(3)).toBe('up to 3 stories');
  });
});

describe('a briefing rendered in French', () => {
  const french = replyText('fr');

  it('puts Herald’s labels in French and leaves the stories’ words as they are', () => {
    const story = briefingItem(1, { language: 'en' });
    const [message] = briefingMessages(digest([story]), { text: french });
    const embed = message!.embeds![0]!;

    expect(message!.content).toMatch(/^\*\*À la une\*\* · <t:\d+:f>$/);
    expect(embed.title).toBe(story.title);
    expect(embed.description).toContain(story.summary);
    expect(embed.description).toContain('**Également chez** [Worldwire](https://worldwire.example/story-1)');
    expect(embed.description).toContain('**À lire aussi**\n• [Background to the strike](https://background.example/strike)');
    expect(embed.footer?.text).toContain('Courier · en anglais');
  });

  it('says in French that nothing is trending, and counts articles and sources in French', () => {
    expect(trendingMessages([], { text: french })[0]!.content).toBe('Aucune tendance pour l’instant.');
    expect(trendingMessages([{ topic: 'Harbour City', articles: 1, sources: 2 } as never], { text: french })[0]!.embeds![0]).toMatchObject({
      title: 'Tendances du moment',
      description: '1. **Harbour City** · 1 article de 2 sources',
    });
  });

  it('labels a summary’s topics in French', () => {
    const [message] = summaryMessages({ title: 'Ferry strike ends', summary: 'Crews accepted the deal.', topics: ['strike'], alsoRead: [] } as never, { text: french });
    expect(message!.embeds![0]!.footer?.text).toBe('Sujets : strike');
  });
});
