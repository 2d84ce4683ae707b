-- Ballots now reach D1 from each poll's PollCounter Durable Object (worker/poll-counter/), in
-- batches numbered by the object. `flushed_seq` is the last batch row D1 holds: a batch is
-- written only while it still follows on from it, so a batch sent twice (the object stopped
-- after D1 took it and before it noted so) changes nothing the second time.
ALTER TABLE polls ADD COLUMN flushed_seq INTEGER NOT NULL DEFAULT 0;
