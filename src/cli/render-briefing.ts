import type { Briefing, BriefingItem } from '../model/story.ts';
import { formatDate } from './format-date.ts';
import { wrapText } from './wrap-text.ts';

const INDENT = '   ';

/** A briefing as a person wants to read it in a terminal: the overview, then each story under its topic. */
export function renderBriefing(briefing: Briefing, width: number): string {
  const heading = briefing.topic ? `Briefing: ${briefing.topic}` : `Top stories · ${formatDate(briefing.generatedAt)}`;
  const lines = [heading, '='.repeat(Math.min(width, heading.length)), ''];
  if (briefing.items.length === 0) {
    lines.push(briefing.topic ? `Nothing stored matches "${briefing.topic}" yet.` : 'No stories in this period yet.');
    return lines.join('\n');
  }
  if (briefing.overview) lines.push(wrapText(briefing.overview, width), '');
  const byId = new Map(briefing.items.map((item) => [item.storyId, item]));
  let number = 0;
  for (const group of briefing.groups ?? [{ topic: '', storyIds: briefing.items.map((item) => item.storyId) }]) {
    if (group.topic) lines.push(`— ${group.topic} —`, '');
    for (const id of group.storyIds) {
      const item = byId.get(id);
      if (item) lines.push(renderItem(item, (number += 1), width), '');
    }
  }
  return lines.join('\n').trimEnd();
}

function renderItem(item: BriefingItem, number: number, width: number): string {
  const inner = Math.max(20, width - INDENT.length);
  const indent = (text: string): string => text.split('\n').map((line) => INDENT + line).join('\n');
  const lines = [`${`${number}.`.padEnd(INDENT.length)}${wrapText(item.title, inner).split('\n').join(`\n${INDENT}`)}`];
  if (item.summary) lines.push(indent(wrapText(item.summary, inner)));
  const when = item.publishedAt ? ` · ${formatDate(item.publishedAt)}` : '';
  lines.push(indent(`${item.sources.map((source) => source.name).join(', ')}${when}`), indent(item.url));
  if (item.sources.length > 1) {
    lines.push(indent('Also reported by:'), ...item.sources.slice(1).map((source) => indent(`  • ${source.name}: ${source.url}`)));
  }
  if (item.alsoRead.length) lines.push(indent('Also read:'), ...item.alsoRead.map((link) => indent(`  • ${link.title}\n    ${link.url}`)));
  if (item.topics.length) lines.push(indent(`Topics: ${item.topics.join(', ')}`));
  return lines.join('\n');
}
