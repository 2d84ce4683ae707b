-- Counts kept in the same transaction as the rows they count, so what reads them costs the same
-- at a hundred rows and at ten million: a poll's ballots per hour (its timeline) and the
-- decisions per organ, topic and district (the feed's facets). Triggers keep them, whichever
-- statement writes the rows (the API, an import, a script).

-- Ballots first cast per UTC hour ("2026-11-22T08"). A changed ballot keeps its hour.
CREATE TABLE poll_hour_counts (
  site_id TEXT NOT NULL,
  poll_id TEXT NOT NULL,
  hour TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (site_id, poll_id, hour)
) WITHOUT ROWID;

INSERT INTO poll_hour_counts (site_id, poll_id, hour, count)
  SELECT site_id, poll_id, substr(cast_at, 1, 13), count(*) FROM ballots GROUP BY site_id, poll_id, substr(cast_at, 1, 13);

CREATE TRIGGER poll_hour_counts_insert AFTER INSERT ON ballots BEGIN
  INSERT INTO poll_hour_counts (site_id, poll_id, hour, count) VALUES (new.site_id, new.poll_id, substr(new.cast_at, 1, 13), 1)
    ON CONFLICT (site_id, poll_id, hour) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER poll_hour_counts_delete AFTER DELETE ON ballots BEGIN
  UPDATE poll_hour_counts SET count = count - 1 WHERE site_id = old.site_id AND poll_id = old.poll_id AND hour = substr(old.cast_at, 1, 13);
  DELETE FROM poll_hour_counts WHERE site_id = old.site_id AND poll_id = old.poll_id AND hour = substr(old.cast_at, 1, 13) AND count <= 0;
END;

-- Decisions per organ (kind 'organ', value '', with the organ's name as its newest decision
-- gives it), and per organ and topic or district. The facets of all organs add up a site's rows:
-- as many as organs × terms, never as many as decisions.
CREATE TABLE decision_facet_counts (
  site_id TEXT NOT NULL,
  organ_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('organ', 'topic', 'district')),
  value TEXT NOT NULL,
  count INTEGER NOT NULL,
  name TEXT,
  PRIMARY KEY (site_id, organ_id, kind, value)
) WITHOUT ROWID;

INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count, name)
  SELECT site_id, organ_id, 'organ', '', count(*), max(organ_name) FROM decisions GROUP BY site_id, organ_id;
INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count)
  SELECT d.site_id, d.organ_id, t.kind, t.value, count(*) FROM decision_tags t JOIN decisions d ON d.seq = t.seq GROUP BY d.site_id, d.organ_id, t.kind, t.value;

CREATE TRIGGER decision_facet_counts_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count, name) VALUES (new.site_id, new.organ_id, 'organ', '', 1, new.organ_name)
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1, name = excluded.name;
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count)
    SELECT new.site_id, new.organ_id, 'topic', value, 1 FROM (SELECT DISTINCT value FROM json_each(new.topics)) WHERE true
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1;
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count)
    SELECT new.site_id, new.organ_id, 'district', value, 1 FROM (SELECT DISTINCT value FROM json_each(new.districts)) WHERE true
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER decision_facet_counts_delete AFTER DELETE ON decisions BEGIN
  UPDATE decision_facet_counts SET count = count - 1
    WHERE site_id = old.site_id AND organ_id = old.organ_id AND (
      (kind = 'organ' AND value = '')
      OR (kind = 'topic' AND value IN (SELECT value FROM json_each(old.topics)))
      OR (kind = 'district' AND value IN (SELECT value FROM json_each(old.districts))));
  DELETE FROM decision_facet_counts WHERE site_id = old.site_id AND organ_id = old.organ_id AND count <= 0;
END;

CREATE TRIGGER decision_facet_counts_update AFTER UPDATE OF organ_id, organ_name, topics, districts ON decisions BEGIN
  UPDATE decision_facet_counts SET count = count - 1
    WHERE site_id = old.site_id AND organ_id = old.organ_id AND (
      (kind = 'organ' AND value = '')
      OR (kind = 'topic' AND value IN (SELECT value FROM json_each(old.topics)))
      OR (kind = 'district' AND value IN (SELECT value FROM json_each(old.districts))));
  DELETE FROM decision_facet_counts WHERE site_id = old.site_id AND organ_id = old.organ_id AND count <= 0;
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count, name) VALUES (new.site_id, new.organ_id, 'organ', '', 1, new.organ_name)
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1, name = excluded.name;
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count)
    SELECT new.site_id, new.organ_id, 'topic', value, 1 FROM (SELECT DISTINCT value FROM json_each(new.topics)) WHERE true
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1;
  INSERT INTO decision_facet_counts (site_id, organ_id, kind, value, count)
    SELECT new.site_id, new.organ_id, 'district', value, 1 FROM (SELECT DISTINCT value FROM json_each(new.districts)) WHERE true
    ON CONFLICT (site_id, organ_id, kind, value) DO UPDATE SET count = count + 1;
END;
