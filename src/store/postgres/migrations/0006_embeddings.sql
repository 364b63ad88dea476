-- Article embeddings by model and embedded text (src/brief/embed), shared by every process so that no text is
-- embedded twice. float4 arrays rather than pgvector: Herald compares embeddings in process, while clustering,
-- so it needs no vector index, and the extension is not installed everywhere Herald runs.
CREATE TABLE embeddings (
  key text PRIMARY KEY,
  vector real[] NOT NULL,
  expires_at timestamptz
);
CREATE INDEX embeddings_expiry ON embeddings (expires_at);
