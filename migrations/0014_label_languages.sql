-- The language an official's token label is written in ("Viestintä" is Finnish), so the console
-- marks it when it shows the label inside another language's text (WCAG 3.1.2). Existing labels
-- are taken to be in their site's default language.
ALTER TABLE api_tokens ADD COLUMN label_lang TEXT NOT NULL DEFAULT 'fi' CHECK (label_lang IN ('fi', 'sv', 'en'));
UPDATE api_tokens SET label_lang = (SELECT default_lang FROM sites WHERE sites.id = api_tokens.site_id);

-- The audit log's actor is the token's label at the time; this is its language then. NULL for the
-- command line, whose name the console writes in the official's own language.
ALTER TABLE audit_log ADD COLUMN actor_lang TEXT CHECK (actor_lang IS NULL OR actor_lang IN ('fi', 'sv', 'en'));
UPDATE audit_log SET actor_lang = (SELECT label_lang FROM api_tokens WHERE api_tokens.id = audit_log.token_id) WHERE token_id IS NOT NULL;

-- The label a token.create or token.revoke entry names, with its language too.
UPDATE audit_log SET detail = json_set(detail, '$.labelLang', (SELECT label_lang FROM api_tokens WHERE api_tokens.id = audit_log.target))
  WHERE action IN ('token.create', 'token.revoke') AND EXISTS (SELECT 1 FROM api_tokens WHERE api_tokens.id = audit_log.target);
