-- Integrity the database itself guarantees, whatever a Worker isolate believes about a poll:
-- a ballot may only name options the poll has (a stale cached definition cannot slip an old
-- option id in), and a poll's options cannot be rebuilt once it has ballots. Either violation
-- aborts the whole batch, so nothing is half-written.

CREATE TRIGGER ballots_known_options_insert BEFORE INSERT ON ballots
WHEN (SELECT COUNT(*) FROM poll_tallies t
       WHERE t.site_id = NEW.site_id AND t.poll_id = NEW.poll_id
         AND t.option_id IN (SELECT value FROM json_each(NEW.choices))) <> json_array_length(NEW.choices)
BEGIN
  SELECT RAISE(ABORT, 'ballot_unknown_option');
END;

CREATE TRIGGER ballots_known_options_update BEFORE UPDATE OF choices ON ballots
WHEN (SELECT COUNT(*) FROM poll_tallies t
       WHERE t.site_id = NEW.site_id AND t.poll_id = NEW.poll_id
         AND t.option_id IN (SELECT value FROM json_each(NEW.choices))) <> json_array_length(NEW.choices)
BEGIN
  SELECT RAISE(ABORT, 'ballot_unknown_option');
END;

CREATE TRIGGER poll_tallies_frozen BEFORE DELETE ON poll_tallies
WHEN (SELECT ballot_count FROM polls WHERE site_id = OLD.site_id AND id = OLD.poll_id) > 0
BEGIN
  SELECT RAISE(ABORT, 'poll_has_ballots');
END;
