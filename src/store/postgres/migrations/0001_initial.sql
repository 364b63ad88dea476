-- Herald's schema on PostgreSQL. Applied once, in order, by migrate.ts; never edited once released:
-- a change is a new numbered file.

-- Articles: the columns that queries filter and sort on, the article itself beside them, and a weighted
-- full-text vector (title A, topics B, standfirst C, body D) built by Herald from the same terms as the
-- in-memory index, so that both engines find the same articles for the same words.
CREATE TABLE articles (
  seq bigserial NOT NULL UNIQUE,
  id text PRIMARY KEY,
  canonical_url text,
  -- The address it was found at, in canonical form, when the page named another canonical URL.
  found_url text,
  source_location text COLLATE "C" NOT NULL,
  guid text,
  content_hash text NOT NULL,
  language text,
  published_at timestamptz,
  fetched_at timestamptz NOT NULL,
  -- When the article appeared (its stated time unless missing or later than when it was read): what
  -- recency, "since" and digests go by.
  dated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  article jsonb NOT NULL,
  -- What related coverage finds the article by: its leading topics' keys and their pairs (related-candidates.ts).
  related_keys text[] NOT NULL,
  search tsvector NOT NULL,
  -- Title and topics alone: a small vector for finding what an article is about, not what it mentions.
  headline_search tsvector NOT NULL
);
-- Two processes ingesting one feed at once store one copy: the database, not a check before writing,
-- refuses the second.
CREATE UNIQUE INDEX articles_canonical_url ON articles (canonical_url);
CREATE UNIQUE INDEX articles_feed_guid ON articles (source_location, guid) WHERE guid IS NOT NULL;
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_found_url ON articles (found_url) WHERE found_url IS NOT NULL;
CREATE INDEX articles_dated ON articles (dated_at DESC);
CREATE INDEX articles_source_dated ON articles (source_location, dated_at DESC);
-- No index on expires_at: within retention every article matches it, and an index the planner may choose to
-- AND with a search's would make it read a bitmap of the whole table. Pruning reads the dated index instead.
CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_headline_search ON articles USING gin (headline_search);
CREATE INDEX articles_related_keys ON articles USING gin (related_keys);

-- Everything a server configures, as one document per server; version orders changes so that every
-- process can read only what changed since it last looked.
CREATE SEQUENCE guild_settings_version;
CREATE TABLE guild_settings (
  guild_id text PRIMARY KEY,
  settings jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('guild_settings_version')
);
CREATE INDEX guild_settings_by_version ON guild_settings (version);

-- How each source is being polled (kept without expiry: a disabled source stays disabled).
CREATE TABLE source_health (
  location text PRIMARY KEY,
  health jsonb NOT NULL,
  next_poll_at timestamptz NOT NULL,
  disabled boolean NOT NULL DEFAULT false
);

-- Named leases: one process at a time polls a source ("poll:<location>") or runs a schedule's digests
-- ("schedule:<id>"); a lease not renewed by its holder (killed, stalled, cut off) is free again at "until".
CREATE TABLE leases (
  key text PRIMARY KEY,
  owner text NOT NULL,
  until timestamptz NOT NULL
);

-- Slots of schedules that are due and not yet done: the work queue of the delivery workers. A slot is
-- due once however many workers notice it.
CREATE TABLE delivery_due (
  schedule_id text NOT NULL,
  slot text NOT NULL,
  guild_id text NOT NULL,
  due_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (schedule_id, slot)
);
CREATE INDEX delivery_due_order ON delivery_due (due_at);

-- The delivery journal: each run written before its first message, with its messages and nonces.
CREATE TABLE delivery_runs (
  schedule_id text NOT NULL,
  slot text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'empty')),
  -- json, not jsonb: the messages are sent again exactly as first written, keys in the same order.
  run json NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (schedule_id, slot)
);
CREATE INDEX delivery_runs_unfinished ON delivery_runs (schedule_id, started_at) WHERE status = 'pending';
CREATE INDEX delivery_runs_finished ON delivery_runs (schedule_id, finished_at DESC) WHERE finished_at IS NOT NULL;
CREATE INDEX delivery_runs_expires ON delivery_runs (expires_at);

-- Which articles each channel was sent, when and in which message.
CREATE TABLE channel_deliveries (
  channel_id text NOT NULL,
  article_id text NOT NULL,
  sent_at timestamptz NOT NULL,
  message_id text,
  thread_id text,
  PRIMARY KEY (channel_id, article_id)
);
CREATE INDEX channel_deliveries_sent ON channel_deliveries (sent_at);

-- Conditional GET's validators per URL.
CREATE TABLE http_validators (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  expires_at timestamptz NOT NULL
);

-- Model-written summaries by content hash, model and prompt version.
CREATE TABLE summaries (
  key text PRIMARY KEY,
  summary jsonb NOT NULL,
  expires_at timestamptz
);

-- One pace for every process's requests to Discord: the next free instant, handed out one request at a time.
CREATE TABLE request_pacer (
  name text PRIMARY KEY,
  next_at timestamptz NOT NULL
);
