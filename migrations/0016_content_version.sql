-- A number that goes up with every change an official makes to a site's content. Public reads
-- are cached at the edge under keys that carry it (worker/edge-cache/), so a change leaves the
-- old copies behind at once: a purge that needs no list of URLs.
ALTER TABLE sites ADD COLUMN content_version INTEGER NOT NULL DEFAULT 0;
