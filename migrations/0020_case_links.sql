-- Closing the loop (issue 17): what residents were asked about a case — polls (definition.caseId),
-- feedback (context.caseId, from the widget or the form's own case) — is joined to what was
-- decided on it (decisions.case_id), by the case (diary) number as given, trimmed.

CREATE INDEX decisions_case ON decisions (site_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX polls_case ON polls (site_id, json_extract(definition, '$.caseId'));
CREATE INDEX submissions_case ON submissions (site_id, json_extract(context, '$.caseId')) WHERE context IS NOT NULL;

-- A resident who asked for one email when a decision on the case is published. The address is
-- kept only until that email is sent (then the row is deleted), and never longer than the site's
-- retention period for contact details (the daily upkeep deletes older ones).
CREATE TABLE case_subscriptions (
  site_id     TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  case_id     TEXT NOT NULL,
  address     TEXT NOT NULL,
  lang        TEXT NOT NULL CHECK (lang IN ('fi', 'sv', 'en')),
  origin      TEXT NOT NULL,                      -- this service's origin when asked: the email's links
  attempts    INTEGER NOT NULL DEFAULT 0,         -- sends that failed; the address is deleted after the third
  tried_at    TEXT,                               -- the last failed send
  created_at  TEXT NOT NULL,
  PRIMARY KEY (site_id, case_id, address)
) STRICT;

CREATE INDEX case_subscriptions_age ON case_subscriptions (created_at);
