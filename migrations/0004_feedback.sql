-- Feedback forms, what residents send through them, and the officials' replies. Contact
-- details live in their own column so the retention job can blank them without touching the
-- rest of a submission.

CREATE TABLE forms (
  site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  id          TEXT NOT NULL,
  definition  TEXT NOT NULL,                       -- JSON: title, intro, fields, categories, privacy
  status      TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
) STRICT;

CREATE TABLE submissions (
  site_id     TEXT NOT NULL,
  ref         TEXT NOT NULL,                       -- the reference code the resident gets, e.g. K7M-4QX
  form_id     TEXT NOT NULL,
  answers     TEXT NOT NULL,                       -- JSON: field key → answer, contact fields excluded
  contact     TEXT,                                -- JSON: email / phone answers; NULL once deleted
  category    TEXT,
  status      TEXT NOT NULL CHECK (status IN ('received', 'in_progress', 'answered', 'closed', 'spam')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (site_id, ref),
  FOREIGN KEY (site_id, form_id) REFERENCES forms (site_id, id) ON DELETE CASCADE
) STRICT;

CREATE INDEX submissions_queue ON submissions (site_id, form_id, status, created_at DESC);

CREATE TABLE submission_replies (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL,
  ref         TEXT NOT NULL,
  body        TEXT NOT NULL,
  public      INTEGER NOT NULL CHECK (public IN (0, 1)),
  author      TEXT NOT NULL,                       -- the official's token label
  created_at  TEXT NOT NULL,
  FOREIGN KEY (site_id, ref) REFERENCES submissions (site_id, ref) ON DELETE CASCADE
) STRICT;

CREATE INDEX submission_replies_ref ON submission_replies (site_id, ref, id);
