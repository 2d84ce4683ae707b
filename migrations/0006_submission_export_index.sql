-- The feedback export pages through one form's submissions oldest first by (created_at, ref):
-- with this index each page reads only its own rows instead of sorting the whole form.
CREATE INDEX submissions_export ON submissions (site_id, form_id, created_at, ref);
