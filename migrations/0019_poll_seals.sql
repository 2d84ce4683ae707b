-- Sealed results (issue 17): when a poll has closed, its result statement (the tallies, the
-- ballot count and the Merkle root over every ballot's receipt, choice and hour) signed with
-- the site's Ed25519 key. Anyone can recount it from the open data (worker/sealing/).

-- A site's signing keys. The newest without retired_at signs; retired keys stay published, so
-- statements they signed can still be checked after a rotation.
CREATE TABLE site_keys (
  site_id     TEXT NOT NULL,
  key_id      TEXT NOT NULL,                     -- first 16 hex digits of SHA-256(public key)
  public_key  TEXT NOT NULL,                     -- raw Ed25519 key, base64url
  private_jwk TEXT NOT NULL,                     -- JWK; never leaves the Worker
  created_at  TEXT NOT NULL,
  retired_at  TEXT,
  PRIMARY KEY (site_id, key_id),
  FOREIGN KEY (site_id) REFERENCES sites (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE poll_seals (
  site_id    TEXT NOT NULL,
  poll_id    TEXT NOT NULL,
  statement  TEXT NOT NULL,                      -- the exact signed bytes (statementText)
  signature  TEXT NOT NULL,                      -- Ed25519, base64url
  key_id     TEXT NOT NULL,
  sealed_at  TEXT NOT NULL,
  PRIMARY KEY (site_id, poll_id),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
