/**
 * npm run site:create -- --id SLUG --name "Name" --origin https://www.example.fi [--origin …]
 *   [--replace-origins] [--lang fi] [--languages fi,sv] [--remote] [--json]
 * Creates a site and prints its new owner token, once. Run again for an existing site, it adds
 * the name in --lang, changes languages only if given, adds the --origin ones to the site's
 * origins (with --replace-origins, they become its only origins), and prints another token.
 */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { applyMigrations } from './lib/wrangler.ts';
import { upsertSiteWithToken } from './lib/sites.ts';

const { values } = parseArgs({
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string', multiple: true, default: [] },
    'replace-origins': { type: 'boolean', default: false },
    lang: { type: 'string', default: 'fi' },
    languages: { type: 'string' },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const usage = `Usage: npm run site:create -- --id SLUG --name "Name" --origin https://www.example.fi [--origin …] [--replace-origins]
                           [--lang fi] [--languages fi,sv] [--remote] [--json]
  --origin           adds an origin to the site's origins (repeat for more); the ones it has are kept
  --replace-origins  the --origin ones become the site's only origins (none given: it has none)`;
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
  const issued = await upsertSiteWithToken(
    { id: values.id, name: { [lang]: values.name }, defaultLang: lang, languages, origins: values.origin },
    { role: 'owner', label: 'owner (site:create)' },
    where,
    { keepLanguages: !values.languages, replaceOrigins: values['replace-origins'] },
  );
  if (values.json) {
    console.log(JSON.stringify({ site: issued.site, token: issued.token }));
  } else {
    console.log(`${issued.existed ? 'Updated' : 'Created'} site "${issued.site}"${values.remote ? ' in the deployed database' : ' in the local database'}.`);
    console.log(`Origins: ${issued.origins.length ? issued.origins.join(' ') : '(none: browsers on other pages are refused)'}`);
    console.log(`Owner token (shown once, store it now):\n\n  ${issued.token}\n`);
  }
} catch (error) {
  if (error instanceof ZodError) {
    for (const issue of error.issues) console.error(`--${issue.path[0] === 'origins' ? 'origin' : String(issue.path[0] ?? 'input')}: ${issue.message}`);
    console.error(usage);
    process.exit(2);
  }
  throw error;
}
