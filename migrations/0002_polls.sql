-- Polls, ballots and per-option tallies. A ballot and its tally changes are written in one
-- batch, so SUM(tallies) always equals the ballots stored, and reading results costs
-- (options + 1) rows however many ballots there are.

-- Public keys (JWK) with which a site signs its residents' voter assertions (signed polls).
ALTER TABLE sites ADD COLUMN voter_keys TEXT NOT NULL DEFAULT '[]';

CREATE TABLE polls (
  site_id             TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  id                  TEXT NOT NULL,
  definition          TEXT NOT NULL,             -- JSON: kind, question, options, scale, limits …
  status              TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  opens_at            TEXT,
  closes_at           TEXT,
  salt                TEXT NOT NULL,             -- secret, per poll: voter hashes cannot be linked across polls
  ballot_count        INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
) STRICT;

CREATE TABLE poll_tallies (
  site_id    TEXT NOT NULL,
  poll_id    TEXT NOT NULL,
  option_id  TEXT NOT NULL,                      -- the option id, or the value of a scale poll
  position   INTEGER NOT NULL,                   -- display order
  count      INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
  PRIMARY KEY (site_id, poll_id, option_id),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT;

CREATE TABLE ballots (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL,
  poll_id     TEXT NOT NULL,
  voter_hash  TEXT NOT NULL,                     -- SHA-256(poll salt, voter id); never the token itself
  choices     TEXT NOT NULL,                     -- JSON array of option ids (scale: the value as text)
  cast_at     TEXT NOT NULL,
  changed_at  TEXT,
  UNIQUE (site_id, poll_id, voter_hash),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX ballots_poll ON ballots (site_id, poll_id, id);

-- The first answer to each citizen write, so a retry with the same Idempotency-Key gets it again.
CREATE TABLE idempotency_keys (
  site_id       TEXT NOT NULL,
  key           TEXT NOT NULL,
  scope         TEXT NOT NULL,                   -- method and path the key was used for
  request_hash  TEXT NOT NULL,                   -- SHA-256 of the body and voter, to refuse reuse
  status        INTEGER NOT NULL,
  response      TEXT NOT NULL,                   -- JSON
  created_at    TEXT NOT NULL,
  PRIMARY KEY (site_id, key)
) STRICT;

CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- Cloudflare Turnstile for challenge polls: each municipality has its own widget and secret.
ALTER TABLE sites ADD COLUMN challenge_site_key TEXT;
ALTER TABLE sites ADD COLUMN challenge_secret TEXT;
