-- Ballot receipts (issue 17): every ballot counted through its poll's PollCounter carries a
-- short code its voter keeps, which the poll's sealed result lists with the ballot's choice
-- and hour, so a voter can see their ballot was counted and no one else can tell whose it is.
-- Ballots from before receipts (or written by a script) have none.
ALTER TABLE ballots ADD COLUMN receipt TEXT;

-- A receipt is found by the poll's verification. Not UNIQUE here: the poll's counter issues each
-- receipt once, and a D1 constraint that refused a batch would hold up every ballot after it.
CREATE INDEX ballots_receipt ON ballots (site_id, poll_id, receipt) WHERE receipt IS NOT NULL;

-- A changed ballot gets a new receipt; the old one is kept here, so that checking it can say
-- "replaced by a later ballot" rather than "not found".
CREATE TABLE replaced_receipts (
  site_id     TEXT NOT NULL,
  poll_id     TEXT NOT NULL,
  receipt     TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  PRIMARY KEY (site_id, poll_id, receipt),
  FOREIGN KEY (site_id, poll_id) REFERENCES polls (site_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
