-- Counts kept with every statement vote (as 0015_kept_counts.sql keeps a poll's), so that a
-- conversation's counts and its number of voters are one row each to read, not every vote.

CREATE TABLE statement_counts (
  site_id      TEXT NOT NULL,
  poll_id      TEXT NOT NULL,
  statement_id INTEGER NOT NULL,
  agree        INTEGER NOT NULL DEFAULT 0,
  disagree     INTEGER NOT NULL DEFAULT 0,
  pass         INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, poll_id, statement_id),
  FOREIGN KEY (site_id, poll_id, statement_id) REFERENCES poll_statements (site_id, poll_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Residents who have voted on at least one statement of the conversation.
CREATE TABLE conversation_voters (
  site_id TEXT NOT NULL,
  poll_id TEXT NOT NULL,
  voters  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, poll_id),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

INSERT INTO statement_counts (site_id, poll_id, statement_id, agree, disagree, pass)
SELECT site_id, poll_id, statement_id, sum(vote = 1), sum(vote = -1), sum(vote = 0) FROM statement_votes GROUP BY site_id, poll_id, statement_id;

INSERT INTO conversation_voters (site_id, poll_id, voters)
SELECT site_id, poll_id, count(DISTINCT voter_hash) FROM statement_votes GROUP BY site_id, poll_id;

-- A new vote: its statement's count, and the conversation's voters when it is the voter's first.
CREATE TRIGGER statement_votes_count_insert AFTER INSERT ON statement_votes
BEGIN
  INSERT INTO statement_counts (site_id, poll_id, statement_id, agree, disagree, pass)
  VALUES (NEW.site_id, NEW.poll_id, NEW.statement_id, NEW.vote = 1, NEW.vote = -1, NEW.vote = 0)
  ON CONFLICT (site_id, poll_id, statement_id) DO UPDATE SET agree = agree + (NEW.vote = 1), disagree = disagree + (NEW.vote = -1), pass = pass + (NEW.vote = 0);
  INSERT INTO conversation_voters (site_id, poll_id, voters)
  SELECT NEW.site_id, NEW.poll_id, 1
   WHERE NOT EXISTS (SELECT 1 FROM statement_votes v WHERE v.site_id = NEW.site_id AND v.poll_id = NEW.poll_id AND v.voter_hash = NEW.voter_hash AND v.statement_id <> NEW.statement_id)
  ON CONFLICT (site_id, poll_id) DO UPDATE SET voters = voters + 1;
END;

-- A changed vote moves from one count to another.
CREATE TRIGGER statement_votes_count_update AFTER UPDATE OF vote ON statement_votes
WHEN OLD.vote <> NEW.vote
BEGIN
  UPDATE statement_counts
     SET agree = agree - (OLD.vote = 1) + (NEW.vote = 1),
         disagree = disagree - (OLD.vote = -1) + (NEW.vote = -1),
         pass = pass - (OLD.vote = 0) + (NEW.vote = 0)
   WHERE site_id = NEW.site_id AND poll_id = NEW.poll_id AND statement_id = NEW.statement_id;
END;
