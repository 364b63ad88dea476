import type { Article } from '../../model/article.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';
import { TOPIC_ALIASES } from './topic-aliases.ts';

/** One vocabulary of topics across a set of articles. */
export interface TopicCanon {
  /** The key under which every spelling of one topic meets; defined for names outside the set too. */
  key(name: string): string;
  /** The topic as the set spells it most often in full; the key itself when the set never named it. */
  display(key: string): string;
}

/**
 * Each article folds its own short mentions into full names; across articles one may say "Putin" and
 * another "Vladimir Putin". A one-word topic meets a longer one when it is that name's last word and
 * no other topic in the set ends with it; "Korea" beside "North Korea" and "South Korea" stays apart.
 */
export function canonicalTopics(articles: Iterable<Pick<Article, 'topics'>>): TopicCanon {
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const name of new Set(article.topics)) {
      const key = baseKey(name);
      if (!key) continue;
      const forms = spellings.get(key) ?? new Map<string, number>();
      forms.set(name, (forms.get(name) ?? 0) + 1);
      spellings.set(key, forms);
    }
  }
  const fullNames = new Map<string, string[]>();
  for (const key of spellings.keys()) {
    const last = key.split(' ').at(-1)!;
    if (key.includes(' ') && !TOPIC_ALIASES.has(last)) fullNames.set(last, [...(fullNames.get(last) ?? []), key]);
  }
  const resolve = (key: string): string => {
    const owners = key.includes(' ') ? undefined : fullNames.get(key);
    return owners?.length === 1 ? owners[0]! : key;
  };
  const spellingsByTopic = new Map<string, Spelling[]>();
  for (const [key, forms] of spellings) {
    const canonical = resolve(key);
    const known = spellingsByTopic.get(canonical) ?? [];
    for (const [form, count] of forms) known.push({ form, count, full: topicKey(form) === canonical });
    spellingsByTopic.set(canonical, known);
  }
  const displays = new Map([...spellingsByTopic].map(([key, known]) => [key, known.sort(bySpellingPreference)[0]!.form]));
  return {
    key: (name) => resolve(baseKey(name)),
    display: (key) => displays.get(key) ?? key,
  };
}

function baseKey(name: string): string {
  const key = topicKey(name);
  return TOPIC_ALIASES.get(key) ?? key;
}

interface Spelling {
  form: string;
  count: number;
  /** Written out in full ("Vladimir Putin", "United States") rather than shortened. */
  full: boolean;
}

/** Full spellings first, then the commonest, then one that is not shouted, then alphabetical, so the choice is stable. */
function bySpellingPreference(a: Spelling, b: Spelling): number {
  return (
    Number(b.full) - Number(a.full) ||
    b.count - a.count ||
    Number(isShouted(a.form)) - Number(isShouted(b.form)) ||
    a.form.localeCompare(b.form)
  );
}

function isShouted(form: string): boolean {
  return form.length > 1 && form === form.toUpperCase();
}
