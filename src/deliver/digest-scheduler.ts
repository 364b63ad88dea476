import cron, { type ScheduledTask } from 'node-cron';
import type { Newsroom } from '../brief/newsroom.ts';
import type { MessagePayload } from '../discord/render/message-payload.ts';
import { briefingMessages } from '../discord/render/briefing-messages.ts';
import type { Logger } from '../logger.ts';
import type { GuildSettingsRepository, Schedule } from '../store/guild-settings-repository.ts';
import type { DeliveryLog } from './delivery-log.ts';

/** Where digests go: a Discord channel, or the terminal in console mode. */
export interface Poster {
  post(channelId: string, messages: MessagePayload[]): Promise<void>;
}

export interface DigestSchedulerDependencies {
  guilds: GuildSettingsRepository;
  newsroom: Newsroom;
  defaultSources: string[];
  poster: Poster;
  deliveries: DeliveryLog;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface DigestScheduler {
  /** Starts the jobs of every server's schedules. */
  start(): Promise<void>;
  /** Replaces one server's jobs after its schedules changed. */
  reschedule(guildId: string): Promise<void>;
  /** Runs one schedule now, as its job does; resolves with how many stories were posted. */
  run(guildId: string, schedule: Schedule): Promise<number>;
  times(guildId: string): Array<{ scheduleId: string; lastRunAt?: string; nextRunAt?: string }>;
  stop(): Promise<void>;
}

/**
 * Posts each schedule's digest when its cron lines fire, in its time zone (node-cron handles daylight-saving
 * changes): only stories the channel was never sent, filtered by the schedule's topics; nothing when nothing
 * is new. Exactly-once delivery across crashes, catch-up after downtime and paused channels build on this.
 */
export function createDigestScheduler(deps: DigestSchedulerDependencies): DigestScheduler {
  const jobs = new Map<string, Array<{ schedule: Schedule; tasks: ScheduledTask[] }>>();
  const lastRuns = new Map<string, string>();
  const running = new Set<Promise<unknown>>();

  const run = async (guildId: string, schedule: Schedule): Promise<number> => {
    const settings = await deps.guilds.get(guildId);
    const alreadySent = await deps.deliveries.sentTo(schedule.channelId);
    const digest = await deps.newsroom.digest({
      sourceLocations: [...deps.defaultSources, ...settings.sources.map((source) => source.url)],
      limit: schedule.maxItems,
      topics: schedule.topics,
      alreadySent,
    });
    lastRuns.set(schedule.id, new Date().toISOString());
    if (digest.items.length === 0) return 0;
    await deps.poster.post(schedule.channelId, briefingMessages(digest));
    const articleIds = digest.items.flatMap((item) => item.articleIds);
    await deps.deliveries.record(schedule.channelId, articleIds);
    deps.logger.info({ guildId, scheduleId: schedule.id, channelId: schedule.channelId, stories: digest.items.length }, 'digest posted');
    return digest.items.length;
  };

  const fire = (guildId: string, schedule: Schedule): void => {
    const pending = run(guildId, schedule)
      .catch((error: unknown) => deps.logger.error({ err: error, guildId, scheduleId: schedule.id }, 'digest run failed'))
      .finally(() => running.delete(pending));
    running.add(pending);
  };

  const clear = async (guildId: string): Promise<void> => {
    for (const { tasks } of jobs.get(guildId) ?? []) for (const task of tasks) await task.destroy();
    jobs.delete(guildId);
  };

  const reschedule = async (guildId: string): Promise<void> => {
    await clear(guildId);
    const { schedules } = await deps.guilds.get(guildId);
    jobs.set(
      guildId,
      schedules.map((schedule) => ({
        schedule,
        tasks: schedule.crons.map((line) => cron.schedule(line, () => fire(guildId, schedule), { timezone: schedule.timezone, name: `digest ${schedule.id}`, noOverlap: true })),
      })),
    );
  };

  return {
    async start() {
      for await (const settings of deps.guilds.all()) await reschedule(settings.guildId);
    },
    reschedule,
    run,
    times(guildId) {
      return (jobs.get(guildId) ?? []).map(({ schedule, tasks }) => {
        const next = tasks
          .map((task) => task.getNextRun())
          .filter((date): date is Date => date !== null)
          .sort((a, b) => a.getTime() - b.getTime())[0];
        const last = lastRuns.get(schedule.id);
        return { scheduleId: schedule.id, ...(last ? { lastRunAt: last } : {}), ...(next ? { nextRunAt: next.toISOString() } : {}) };
      });
    },
    async stop() {
      for (const guildId of [...jobs.keys()]) await clear(guildId);
      await Promise.all(running);
    },
  };
}
