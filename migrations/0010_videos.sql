-- Videos, in channels (a mayor's video blog, council meeting recordings). The video itself stays
-- at its provider (YouTube, Vimeo, a PeerTube instance) or is a file the municipality hosts; we
-- keep the canonical reference, the texts, the chapters, the captions and a poster image.
-- Localized texts are JSON objects {"fi": …, "sv": …}.
CREATE TABLE videos (
  -- An explicit integer key: the channel list's tie-breaker, stable for keyset cursors.
  seq INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  provider TEXT NOT NULL CHECK (provider IN ('youtube', 'vimeo', 'peertube', 'file')),
  -- Canonical only (worker/video-ref.ts): the YouTube id, the Vimeo id ("76979871" or
  -- "76979871/HASH" when unlisted), the PeerTube video id, or the file's https address or path.
  ref TEXT NOT NULL,
  -- PeerTube: the instance's host name; NULL otherwise.
  host TEXT,
  title TEXT NOT NULL,
  description TEXT,
  -- The editor's own transcript per language; where a language has none, captions_transcript's.
  transcript TEXT,
  chapters TEXT NOT NULL DEFAULT '[]',               -- JSON: [{"start": seconds, "title": {…}}]
  duration INTEGER,                                  -- seconds, when known
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  -- The poster lives in R2 (binding MEDIA) under poster_key, which ends in poster_version, a
  -- hash of its bytes: a new poster gets a new key, so its address can be cached forever.
  poster_key TEXT,
  poster_type TEXT,
  poster_version TEXT,
  -- JSON {"fi": text, …}: the text of each language's captions (video_captions), made when
  -- they are uploaded; also says which languages have captions.
  captions_transcript TEXT,
  languages TEXT NOT NULL,                           -- JSON: the languages of any text or captions
  published_at TEXT NOT NULL,                        -- in the future: scheduled, shown only to officials until then
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, id)
);

-- A channel's list, newest first (the keyset cursor continues after (published_at, seq)).
CREATE INDEX videos_channel ON videos (site_id, channel_id, published_at DESC, seq DESC);
-- The officials' list of every video of the site.
CREATE INDEX videos_feed ON videos (site_id, published_at DESC, seq DESC);

-- A channel's own title and description. A channel also exists without a row, through its
-- videos; the row only gives it a name.
CREATE TABLE video_channels (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- WebVTT captions, one file per video and language, checked on upload (worker/webvtt.ts) and
-- served as given. Removed with their video.
CREATE TABLE video_captions (
  site_id TEXT NOT NULL,
  video_id TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
  vtt TEXT NOT NULL,
  cues INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (site_id, video_id, lang),
  FOREIGN KEY (site_id, video_id) REFERENCES videos (site_id, id) ON DELETE CASCADE
);
