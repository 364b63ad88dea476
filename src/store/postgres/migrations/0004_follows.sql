-- Members' follows: one row per server and member, holding their follows, what was sent to them, the
-- bundles journaled before sending, and a pause or an explanation owed. Changes lock the row, so that
-- processes sharing the store change one member one at a time.
CREATE TABLE follow_members (
  guild_id text NOT NULL,
  user_id text NOT NULL,
  -- json, not jsonb: a journaled bundle's messages are sent again exactly as first written.
  record json NOT NULL,
  PRIMARY KEY (guild_id, user_id)
);
