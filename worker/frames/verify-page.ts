/**
 * /embed/v1/frame/verify/POLL?site=SITE[&lang=fi][&receipt=…]: a closed poll's sealed result,
 * for anyone to check. The page shows what the statement says and where its open data is; its
 * script (widgets/verify/verify-page.ts) then fetches the statement, the site's public key and
 * every leaf, and recounts in the reader's own browser, so the reader need not trust this server's
 * arithmetic. Without scripts it says how to run the same check with `npm run verify`.
 */
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { randomId } from '../crypto.ts';
import { findPoll } from '../db/polls.ts';
import { findSite } from '../db/sites.ts';
import { localizedText } from '../localize.ts';
import { pollState } from '../poll-rules.ts';
import { Lang } from '../schema/common.ts';
import { parseStatement } from '../sealing/statement.ts';
import { findSeal } from '../db/seals.ts';
import type { AppEnv } from '../types.ts';
import { framePageNotFound } from './error-page.ts';
import { frameAncestors } from './page.ts';

interface PageText {
  title: string;
  intro: string;
  notClosed: string;
  notPublic: string;
  /** Closed by its closing time, not yet sealed by the hourly upkeep. */
  pending: string;
  question: string;
  ballots: (n: number) => string;
  option: string;
  votes: string;
  receipt: string;
  receiptHint: string;
  check: string;
  checks: string;
  noScript: (command: string) => string;
  data: string;
  statement: string;
  leavesJson: string;
  leavesCsv: string;
  keys: string;
  license: string;
  sealedAt: (when: string) => string;
}

const TEXT: Record<Lang, PageText> = {
  fi: {
    title: 'Sinetöidyn tuloksen tarkistus',
    intro: 'Kun kysely päättyi, sen tulos sinetöitiin: jokainen vastaus on julkaistu kuittinsa, valintansa ja tuntinsa kanssa (ei koskaan vastaajan tietoja), ja sivuston avain on allekirjoittanut tuloksen. Tämä sivu laskee tuloksen uudelleen selaimessasi.',
    notClosed: 'Kysely on vielä auki. Sen tulos sinetöidään, kun kysely päättyy.',
    notPublic: 'Tämän kyselyn tuloksia ei julkaista, joten sinetöityä tulosta ei ole.',
    pending: 'Kysely on päättynyt, ja sen tulos sinetöidään tunnin kuluessa. Palaa silloin.',
    question: 'Kysymys',
    ballots: (n) => `Vastauksia: ${n.toLocaleString('fi')}`,
    option: 'Vaihtoehto',
    votes: 'Ääniä',
    receipt: 'Kuittisi (vapaaehtoinen)',
    receiptHint: 'Muodossa K7QF-3M9X-2D4A. Sivu kertoo, onko vastauksesi laskettu.',
    check: 'Tarkista',
    checks: 'Tarkistukset',
    noScript: (command) => `Tarkistus tehdään selaimessa JavaScriptillä. Voit tehdä saman tietokoneellasi: ${command}`,
    data: 'Avoin data (CC BY 4.0)',
    statement: 'Allekirjoitettu tulos (JSON)',
    leavesJson: 'Vastaukset kuitteineen (JSON)',
    leavesCsv: 'Vastaukset kuitteineen (CSV)',
    keys: 'Sivuston julkiset avaimet',
    license: 'Lisenssi: Creative Commons Nimeä 4.0',
    sealedAt: (when) => `Sinetöity ${when}`,
  },
  sv: {
    title: 'Kontroll av förseglat resultat',
    intro: 'När enkäten stängdes förseglades resultatet: varje svar har publicerats med sitt kvitto, sitt val och sin timme (aldrig uppgifter om den som svarade), och webbplatsens nyckel har signerat resultatet. Den här sidan räknar om resultatet i din webbläsare.',
    notClosed: 'Enkäten är fortfarande öppen. Resultatet förseglas när enkäten stängs.',
    notPublic: 'Resultaten av den här enkäten publiceras inte, så det finns inget förseglat resultat.',
    pending: 'Enkäten har stängts, och resultatet förseglas inom en timme. Kom tillbaka då.',
    question: 'Fråga',
    ballots: (n) => `Svar: ${n.toLocaleString('sv')}`,
    option: 'Alternativ',
    votes: 'Röster',
    receipt: 'Ditt kvitto (frivilligt)',
    receiptHint: 'I formen K7QF-3M9X-2D4A. Sidan berättar om ditt svar har räknats.',
    check: 'Kontrollera',
    checks: 'Kontroller',
    noScript: (command) => `Kontrollen görs i webbläsaren med JavaScript. Du kan göra samma sak på din dator: ${command}`,
    data: 'Öppna data (CC BY 4.0)',
    statement: 'Signerat resultat (JSON)',
    leavesJson: 'Svaren med kvitton (JSON)',
    leavesCsv: 'Svaren med kvitton (CSV)',
    keys: 'Webbplatsens offentliga nycklar',
    license: 'Licens: Creative Commons Erkännande 4.0',
    sealedAt: (when) => `Förseglat ${when}`,
  },
  en: {
    title: 'Checking a sealed result',
    intro: 'When the poll closed, its result was sealed: every answer is published with its receipt, choice and hour (never anything about who answered), and the site\'s key signed the result. This page counts the result again in your browser.',
    notClosed: 'The poll is still open. Its result is sealed when it closes.',
    notPublic: 'This poll\'s results are not published, so there is no sealed result.',
    pending: 'The poll has closed, and its result is sealed within the hour. Come back then.',
    question: 'Question',
    ballots: (n) => `Answers: ${n.toLocaleString('en-GB')}`,
    option: 'Option',
    votes: 'Votes',
    receipt: 'Your receipt (optional)',
    receiptHint: 'Like K7QF-3M9X-2D4A. The page tells you whether your answer was counted.',
    check: 'Check',
    checks: 'Checks',
    noScript: (command) => `The check runs in the browser with JavaScript. You can run the same on your computer: ${command}`,
    data: 'Open data (CC BY 4.0)',
    statement: 'Signed result (JSON)',
    leavesJson: 'Answers with receipts (JSON)',
    leavesCsv: 'Answers with receipts (CSV)',
    keys: 'The site\'s public keys',
    license: 'Licence: Creative Commons Attribution 4.0',
    sealedAt: (when) => `Sealed ${when}`,
  },
};

const STYLE =
  'html{background:#fff}body{margin:0;padding:1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;line-height:1.5}main{max-width:44rem;margin:0 auto}' +
  'h1{font-size:1.4rem;margin:0 0 .75rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}table{border-collapse:collapse;margin:.5rem 0}th,td{text-align:start;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #767676}td.n{text-align:end;font-variant-numeric:tabular-nums}' +
  'label{display:block;font-weight:700}input{font:inherit;padding:.4rem .5rem;border:2px solid #595959;border-radius:4px;width:12em;margin:.25rem .5rem .25rem 0}button{font:inherit;font-weight:700;padding:.45rem 1rem;border:2px solid #00528a;border-radius:4px;background:#00528a;color:#fff}' +
  ':focus-visible{outline:3px solid #0b0c0c;outline-offset:2px}.hint{color:#4d4d4d;margin:0}ul.checks{list-style:none;padding:0}ul.checks li{margin:.25rem 0}.ok::before{content:"✓ ";color:#1d6b2c;font-weight:700}.fail::before{content:"✗ ";color:#b00020;font-weight:700}.fail{font-weight:700}code{overflow-wrap:anywhere}';

export async function verifyPage(c: Context<AppEnv>): Promise<Response> {
  const asked = Lang.safeParse(c.req.query('lang'));
  const pollId = c.req.param('poll') ?? '';
  const site = await findSite(c.env.DB, c.req.query('site') ?? '');
  if (!site) return framePageNotFound(c, asked.success ? asked.data : 'fi', { kind: 'site', site: c.req.query('site') ?? '' });
  const lang = asked.success && site.languages.includes(asked.data) ? asked.data : site.defaultLang;
  const poll = await findPoll(c.env.DB, site.id, pollId);
  if (!poll || poll.status === 'draft') return framePageNotFound(c, lang, { kind: 'item', site: site.id, what: `poll/${pollId}` });
  const t = TEXT[lang];
  const name = site.name[lang] ?? site.name[site.defaultLang] ?? site.id;
  const question = localizedText(poll.question, lang, site);
  const nonce = randomId(12);
  const api = `/api/v1/sites/${encodeURIComponent(site.id)}/polls/${encodeURIComponent(poll.id)}`;
  const origin = new URL(c.req.url).origin;
  const closed = pollState(poll) === 'closed';
  const publicResults = poll.resultsVisibility !== 'never';
  const seal = closed && publicResults ? await findSeal(c.env.DB, site.id, poll.id) : null;
  const statement = seal ? parseStatement(seal.statement) : null;
  const label = (id: string) => (poll.kind === 'scale' ? id : localizedText(poll.options?.find((o) => o.id === id)?.label, lang, site) || id);
  const command = `npm run verify -- "${origin}/embed/v1/frame/verify/${poll.id}?site=${site.id}" K7QF-3M9X-2D4A`;
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${t.title} – ${question} – ${name}</title>
<style nonce="${nonce}">${raw(STYLE)}</style>
${statement ? html`<script type="module" src="/embed/v1/verify.js"></script>` : ''}
</head>
<body><main data-seal="${api}/seal" data-keys="/api/v1/sites/${encodeURIComponent(site.id)}/keys">
<h1>${t.title}</h1>
<p>${name}</p>
<h2>${t.question}</h2>
<p>${question}</p>
${
  !statement
    ? html`<p role="status">${!closed ? t.notClosed : !publicResults ? t.notPublic : t.pending}</p>`
    : html`<p>${t.intro}</p>
<p>${t.ballots(statement.ballots)} · ${t.sealedAt(seal!.sealedAt.slice(0, 16).replace('T', ' '))} UTC</p>
<table><thead><tr><th scope="col">${t.option}</th><th scope="col">${t.votes}</th></tr></thead>
<tbody>${statement.tallies.map((row) => html`<tr><td>${label(row.option)} <code>${row.option}</code></td><td class="n">${row.count.toLocaleString(lang === 'en' ? 'en-GB' : lang)}</td></tr>`)}</tbody></table>
<form method="get" action="/embed/v1/frame/verify/${poll.id}">
<input type="hidden" name="site" value="${site.id}"><input type="hidden" name="lang" value="${lang}">
<label for="receipt">${t.receipt}</label>
<p class="hint" id="receipt-hint">${t.receiptHint}</p>
<input id="receipt" name="receipt" autocomplete="off" spellcheck="false" aria-describedby="receipt-hint" value="${c.req.query('receipt') ?? ''}"><button type="submit">${t.check}</button>
</form>
<h2 id="checks-heading">${t.checks}</h2>
<ul class="checks" aria-labelledby="checks-heading" aria-live="polite"></ul>
<noscript><p>${t.noScript(command)}</p></noscript>
<h2>${t.data}</h2>
<ul>
<li><a href="${api}/seal">${t.statement}</a></li>
<li><a href="${api}/seal/leaves">${t.leavesJson}</a></li>
<li><a href="${api}/seal/leaves?format=csv">${t.leavesCsv}</a></li>
<li><a href="/api/v1/sites/${site.id}/keys">${t.keys}</a></li>
<li><a href="https://creativecommons.org/licenses/by/4.0/" rel="license">${t.license}</a></li>
</ul>`
}
</main></body>
</html>`;
  return c.html(page, 200, {
    'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'nonce-${nonce}'; img-src data:; connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors ${frameAncestors(site.origins)}`,
    'Cache-Control': 'no-store',
  });
}
