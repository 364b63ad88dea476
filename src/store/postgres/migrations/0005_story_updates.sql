-- Updates of developing stories: the n-th update of a story in a channel, written before it is sent with its
-- message and nonce. The key makes composing one update twice (two processes, a retry) a no-op.
CREATE TABLE story_updates (
  channel_id text NOT NULL,
  story_key text NOT NULL,
  seq integer NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  -- json, not jsonb: the message is sent again exactly as first written.
  run json NOT NULL,
  -- Every article of the story the channel has been sent, so /status story: finds its updates from any of them.
  story_article_ids text[] NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (channel_id, story_key, seq)
);
CREATE INDEX story_updates_unfinished ON story_updates (channel_id, started_at) WHERE status = 'pending';
CREATE INDEX story_updates_articles ON story_updates USING gin (story_article_ids);
CREATE INDEX story_updates_expires ON story_updates (expires_at);
