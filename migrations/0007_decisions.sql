-- Council and committee decisions, shaped after municipal decision data (Helsinki's Ahjo,
-- OpenAhjo, the Popolo Motion). Localized texts are JSON objects {"fi": …, "sv": …}; the body is
-- Markdown, and its safe HTML rendering is stored beside it.
CREATE TABLE decisions (
  -- An explicit integer key, so the search index's rowids survive a VACUUM.
  seq INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  source_id TEXT,
  organ_id TEXT NOT NULL,
  organ_name TEXT NOT NULL,
  meeting_id TEXT,
  meeting_date TEXT NOT NULL,
  section TEXT,
  case_id TEXT,
  title TEXT NOT NULL,
  summary TEXT,
  body TEXT,
  body_html TEXT,
  plain_summary TEXT,
  outcome TEXT NOT NULL,
  topics TEXT NOT NULL DEFAULT '[]',
  districts TEXT NOT NULL DEFAULT '[]',
  attachments TEXT NOT NULL DEFAULT '[]',
  source_url TEXT,
  languages TEXT NOT NULL,
  search_text TEXT NOT NULL,
  published_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, id)
);

-- Imports upsert by the source system's id.
CREATE UNIQUE INDEX decisions_source ON decisions (site_id, source_id) WHERE source_id IS NOT NULL;
-- The feed, newest meeting first, and the same per organ.
CREATE INDEX decisions_feed ON decisions (site_id, meeting_date DESC, seq DESC);
CREATE INDEX decisions_organ ON decisions (site_id, organ_id, meeting_date DESC, seq DESC);

-- Topics and districts, one row each, so filtering by them uses an index.
CREATE TABLE decision_tags (
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'district')),
  value TEXT NOT NULL,
  seq INTEGER NOT NULL REFERENCES decisions (seq) ON DELETE CASCADE,
  PRIMARY KEY (site_id, kind, value, seq)
);
CREATE INDEX decision_tags_seq ON decision_tags (seq);

-- Free-text search over every language's title, summaries, body, organ and case id, found by
-- word prefix (Finnish and Swedish inflect: "koulu" finds "koulun" and "kouluverkko"). The index
-- reads its text from decisions.search_text and is kept in step by the triggers below.
CREATE VIRTUAL TABLE decisions_fts USING fts5 (
  search_text,
  content = 'decisions',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
  INSERT INTO decisions_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;

CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
  INSERT INTO decisions_fts (decisions_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;

CREATE TRIGGER decisions_fts_update AFTER UPDATE OF search_text ON decisions BEGIN
  INSERT INTO decisions_fts (decisions_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
  INSERT INTO decisions_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
