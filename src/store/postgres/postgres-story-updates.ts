import type { StoryUpdateLog, StoryUpdateRun } from '../../deliver/updates/story-update-log.ts';
import type { Pool } from './connect.ts';

/** Story updates as rows: one per channel, story and update number, inserted once whoever composes it. */
export function createPostgresStoryUpdateLog(pool: Pool, retentionMs: number): StoryUpdateLog {
  const values = (run: StoryUpdateRun) => [run.channelId, run.storyKey, run.seq, run.status, run, run.storyArticleIds, run.startedAt, new Date(Date.parse(run.startedAt) + retentionMs)];
  const runs = async (sql: string, parameters: unknown[]): Promise<StoryUpdateRun[]> => (await pool.query<{ run: StoryUpdateRun }>(sql, parameters)).rows.map((row) => row.run);
  return {
    async begin(run) {
      const inserted = await pool.query(
        `INSERT INTO story_updates (channel_id, story_key, seq, status, run, story_article_ids, started_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (channel_id, story_key, seq) DO NOTHING`,
        values(run),
      );
      if (inserted.rowCount === 1) return run;
      const [kept] = await runs('SELECT run FROM story_updates WHERE channel_id = $1 AND story_key = $2 AND seq = $3', [run.channelId, run.storyKey, run.seq]);
      return kept ?? run;
    },
    async save(run) {
      await pool.query(
        `INSERT INTO story_updates (channel_id, story_key, seq, status, run, story_article_ids, started_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (channel_id, story_key, seq) DO UPDATE SET status = EXCLUDED.status, run = EXCLUDED.run, story_article_ids = EXCLUDED.story_article_ids`,
        values(run),
      );
    },
    unfinished: (channelId) => runs("SELECT run FROM story_updates WHERE channel_id = $1 AND status = 'pending' ORDER BY started_at, seq", [channelId]),
    ofStory: (channelId, storyKey) => runs('SELECT run FROM story_updates WHERE channel_id = $1 AND story_key = $2 ORDER BY seq', [channelId, storyKey]),
    about: (channelId, articleId) =>
      runs('SELECT run FROM story_updates WHERE channel_id = $1 AND (story_key = $2 OR story_article_ids @> ARRAY[$2::text]) ORDER BY started_at, seq', [channelId, articleId]),
  };
}
