-- Tenants, the officials' tokens and the audit trail. Timestamps are ISO 8601 UTC strings
-- written by the Worker; JSON columns hold arrays or per-language maps ({"fi": "…"}).

CREATE TABLE sites (
  id            TEXT PRIMARY KEY,                 -- slug used in every URL, e.g. "espoo"
  name          TEXT NOT NULL,                    -- JSON map per language
  default_lang  TEXT NOT NULL CHECK (default_lang IN ('fi', 'sv', 'en')),
  languages     TEXT NOT NULL,                    -- JSON array, contains default_lang
  origins       TEXT NOT NULL DEFAULT '[]',       -- JSON array of allowed CORS origins
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  site_id      TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,              -- SHA-256 hex of the secret; the secret is never stored
  role         TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'moderator', 'viewer')),
  label        TEXT NOT NULL,
  created_by   TEXT,                              -- token id that created it, NULL for the CLI
  created_at   TEXT NOT NULL,
  revoked_at   TEXT
) STRICT;

CREATE INDEX api_tokens_site ON api_tokens (site_id, created_at);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  token_id    TEXT,                               -- NULL for actions taken from the CLI
  actor       TEXT NOT NULL,                      -- the token's label at the time
  action      TEXT NOT NULL,                      -- e.g. "site.update", "token.create"
  target      TEXT,
  detail      TEXT NOT NULL DEFAULT '{}',         -- JSON
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_site ON audit_log (site_id, id DESC);
