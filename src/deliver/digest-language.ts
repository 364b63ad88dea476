import { baseLanguage } from '../model/language.ts';
import type { GuildSettings, Schedule } from '../store/guild-settings-repository.ts';

/**
 * The language a schedule's digests are read in: the one its admin chose, else the server's own as Discord
 * last told Herald, else none, and then no story is translated or labelled.
 */
export function digestLanguage(settings: Pick<GuildSettings, 'locale'>, schedule: Pick<Schedule, 'language'>): string | undefined {
  return baseLanguage(schedule.language) ?? baseLanguage(settings.locale);
}
