/**
 * npm run verify -- URL [RECEIPT] [--leaves FILE] [--key PUBLIC_KEY] [--lang fi|sv|en] [--json]
 *
 * Checks a poll's sealed result without trusting the server that made it: recounts the tallies
 * from the open data's leaves, rebuilds the Merkle root, checks the Ed25519 signature with the
 * site's public key, and, given a receipt, proves it is among the ballots counted. URL is the
 * poll's verify page, its API address or its seal's. --leaves checks a downloaded copy of the
 * leaves (JSON or CSV) instead of fetching them; --key a public key got elsewhere instead of the
 * one the site publishes. Exits 0 when every check passes (and the receipt was counted), else 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { BallotLeaf } from '../worker/sealing/statement.ts';
import { leavesFromCsv, sealAddress, verifySealed } from '../worker/sealing/verify.ts';
import { VERIFY_TEXT } from '../worker/sealing/verify-text.ts';
import type { VerifyLang } from '../worker/sealing/verify-text.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    leaves: { type: 'string' },
    key: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const usage = `Usage: npm run verify -- URL [RECEIPT] [--leaves FILE] [--key PUBLIC_KEY] [--lang fi|sv|en] [--json]
  URL       the poll's verify page (…/embed/v1/frame/verify/POLL?site=SITE) or its API address
  RECEIPT   a ballot's receipt, "K7QF-3M9X-2D4A": is it among the ballots counted?
  --leaves  a downloaded copy of the leaves (JSON or CSV) to check instead of the published ones
  --key     the site's public key (base64url) from somewhere you trust, instead of the published one
  --lang    fi, sv or en (default: from LANG, else fi)`;

const envLang = (process.env.LANG ?? '').slice(0, 2);
const lang = (values.lang ?? (['fi', 'sv', 'en'].includes(envLang) ? envLang : 'fi')) as VerifyLang;
if (values.help || positionals.length < 1 || !VERIFY_TEXT[lang]) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const t = VERIFY_TEXT[lang];

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new Error(t.fetchFailed(url, (error as Error).message));
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new Error(t.fetchFailed(url, body?.error?.message ?? `HTTP ${response.status}`));
  return body;
}

try {
  const address = sealAddress(positionals[0]!);
  const seal = await getJson<{ statement: string; signature: string; key: { id: string }; leaves: string }>(address.seal);
  let publicKey = values.key;
  if (!publicKey) {
    const { keys } = await getJson<{ keys: { id: string; publicKey: string }[] }>(`${address.origin}/api/v1/sites/${encodeURIComponent(address.site)}/keys`);
    publicKey = keys.find((k) => k.id === seal.key.id)?.publicKey ?? '';
  }
  let leaves: BallotLeaf[];
  if (values.leaves) {
    const text = readFileSync(values.leaves, 'utf8');
    leaves = text.trimStart().startsWith('[') ? (JSON.parse(text) as BallotLeaf[]) : leavesFromCsv(text);
  } else leaves = await getJson<BallotLeaf[]>(new URL(seal.leaves, address.origin).href);
  const receipt = positionals[1];
  let receiptElsewhere: 'replaced' | 'not_found' | undefined;
  if (receipt && !leaves.some((l) => l.receipt === receipt.trim().toUpperCase())) {
    const said = await getJson<{ status: string }>(`${address.seal}/receipts/${encodeURIComponent(receipt.trim().toUpperCase())}`).catch(() => null);
    if (said?.status === 'replaced') receiptElsewhere = 'replaced';
  }
  const report = await verifySealed({ statement: seal.statement, signature: seal.signature, publicKey, leaves, receipt, receiptElsewhere }, lang);
  if (values.json) console.log(JSON.stringify({ ok: report.ok, receipt: report.receipt, checks: report.recount.checks, statement: report.recount.statement }, null, 2));
  else for (const line of report.lines) console.log(`${line.ok === null ? ' ' : line.ok ? '✓' : '✗'} ${line.text}`);
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
