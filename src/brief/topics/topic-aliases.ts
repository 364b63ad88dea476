/**
 * Names the news uses interchangeably for one country or body, keyed as topicKey writes them. compromise
 * tags "US", "Britain" and "United Kingdom" as places but does not say they are one place, and nothing in
 * the spellings relates them, so the few that news uses every day are written down.
 */
export const TOPIC_ALIASES: ReadonlyMap<string, string> = new Map([
  ['us', 'united states'],
  ['usa', 'united states'],
  ['america', 'united states'],
  ['united states of america', 'united states'],
  ['the united states', 'united states'],
  ['uk', 'united kingdom'],
  ['britain', 'united kingdom'],
  ['great britain', 'united kingdom'],
  ['the united kingdom', 'united kingdom'],
  ['un', 'united nations'],
  ['the united nations', 'united nations'],
  ['eu', 'european union'],
  ['the european union', 'european union'],
  ['uae', 'united arab emirates'],
  ['drc', 'democratic republic of congo'],
  ['dr congo', 'democratic republic of congo'],
  ['democratic republic of the congo', 'democratic republic of congo'],
]);
