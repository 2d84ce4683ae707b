-- Labels of the topics and districts that decisions carry as Finnish slugs ("päiväkodit"), per
-- language, per site: {"fi": "Päiväkodit", "sv": "Daghem", "en": "Day care"}. A term may have a
-- label before any decision mentions it; the slugs themselves stay the decisions' data.
CREATE TABLE decision_terms (
  site_id TEXT NOT NULL REFERENCES sites (id),
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'district')),
  value TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, kind, value)
);
