import { topicKey } from '../../ingest/topics/topic-key.ts';
import { rememberEach } from './remember-each.ts';
import { foldAccents } from './tokenize.ts';

/**
 * Topics' keys, worked out once for each spelling: every story of every briefing tallies its articles' topics, and
 * every related look-up ranks hundreds of candidates by theirs, a few thousand spellings over and over.
 */
export const keyOfTopic = rememberEach(topicKey, 100_000);

/** The key with accents folded, under which "Zürich" and "Zurich" meet: how clustering and related coverage compare names. */
export const foldedKeyOfTopic = rememberEach((name) => foldAccents(topicKey(name)), 100_000);
