-- Statement voting (issue 18), Pol.is style: a poll of kind "statements" is a conversation of
-- short statements that residents agree with, disagree with or pass on, one at a time, each
-- vote changeable; residents may add statements, which wait for a moderator.

CREATE TABLE poll_statements (
  site_id      TEXT NOT NULL,
  poll_id      TEXT NOT NULL,
  id           INTEGER NOT NULL,
  text         TEXT NOT NULL,
  lang         TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
  status       TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  author       TEXT NOT NULL CHECK (author IN ('official', 'resident')),
  -- A resident author's salted voter hash (as ballots keep it), to limit what one resident has waiting; never shown.
  author_hash  TEXT,
  created_at   TEXT NOT NULL,
  moderated_at TEXT,
  PRIMARY KEY (site_id, poll_id, id),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT;

-- The moderation queue: a site's waiting statements, oldest first.
CREATE INDEX poll_statements_queue ON poll_statements (site_id, status, created_at);
CREATE INDEX poll_statements_author ON poll_statements (site_id, poll_id, author_hash) WHERE author_hash IS NOT NULL;

CREATE TABLE statement_votes (
  site_id      TEXT NOT NULL,
  poll_id      TEXT NOT NULL,
  statement_id INTEGER NOT NULL,
  voter_hash   TEXT NOT NULL,
  -- agree 1, disagree -1, pass 0
  vote         INTEGER NOT NULL CHECK (vote IN (-1, 0, 1)),
  cast_at      TEXT NOT NULL,
  changed_at   TEXT,
  PRIMARY KEY (site_id, poll_id, voter_hash, statement_id),
  FOREIGN KEY (site_id, poll_id, statement_id) REFERENCES poll_statements (site_id, poll_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX statement_votes_statement ON statement_votes (site_id, poll_id, statement_id, vote);

-- Only a published statement takes votes, whatever a caller checked before.
CREATE TRIGGER statement_votes_published BEFORE INSERT ON statement_votes
WHEN (SELECT status FROM poll_statements s WHERE s.site_id = NEW.site_id AND s.poll_id = NEW.poll_id AND s.id = NEW.statement_id) IS NOT 'published'
BEGIN
  SELECT RAISE(ABORT, 'statement_not_published');
END;
