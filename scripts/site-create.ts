/**
 * npm run site:create -- --id SLUG --name "Name" --origin https://www.example.fi [--origin …]
 *   [--lang fi] [--languages fi,sv] [--remote] [--json]
 * Creates a site and prints its new owner token, once. Run again for an existing site, it adds
 * the name in --lang, changes languages and origins only if given, and prints another token.
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { applyMigrations, querySql } from './lib/wrangler.ts';
import { upsertSiteWithToken } from './lib/sites.ts';
import { siteExistsSql } from '../worker/db/sql-script.ts';

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
    lang: { type: 'string', default: 'fi' },
    languages: { type: 'string' },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const usage = 'Usage: npm run site:create -- --id SLUG --name "Name" --origin https://www.example.fi [--lang fi] [--languages fi,sv] [--remote] [--json]';
if (values.help || !values.id || !values.name) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const where = { remote: values.remote, persistTo: values['persist-to'] };
const lang = values.lang;
const languages = values.languages ? values.languages.split(',').map((l) => l.trim()) : [lang];

try {
  // Locally the database may be brand new; remotely, migrations are a deliberate deploy step.
  if (!values.remote) applyMigrations(where);
  const existed = querySql<{ n: number }>(siteExistsSql(values.id), where)[0]?.n === 1;
  const issued = await upsertSiteWithToken(
    { id: values.id, name: { [lang]: values.name }, defaultLang: lang, languages, origins: values.origin },
    { role: 'owner', label: 'owner (site:create)' },
    where,
    { keepLanguages: !values.languages, keepOrigins: values.origin.length === 0 },
  );
  if (values.json) {
    console.log(JSON.stringify({ site: issued.site, token: issued.token }));
  } else {
    console.log(`${existed ? 'Updated' : 'Created'} site "${issued.site}"${values.remote ? ' in the deployed database' : ' in the local database'}.`);
    console.log(`Owner token (shown once, store it now):\n\n  ${issued.token}\n`);
  }
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`--${String(issue.path[0] ?? 'input')}: ${issue.message}`);
    console.error(usage);
    process.exit(2);
  }
  throw error;
}
