-- Each article's day (UTC) as a token in its vectors and related keys ("@d" and YYYYMMDD, as day-tokens.ts
-- writes them for new articles), so that a search of the last days is answered by the GIN indexes alone.
UPDATE articles SET
  related_keys = related_keys || ('@d' || to_char(dated_at AT TIME ZONE 'UTC', 'YYYYMMDD')),
  search = search || array_to_tsvector(ARRAY['@d' || to_char(dated_at AT TIME ZONE 'UTC', 'YYYYMMDD')]),
  headline_search = headline_search || array_to_tsvector(ARRAY['@d' || to_char(dated_at AT TIME ZONE 'UTC', 'YYYYMMDD')]);
