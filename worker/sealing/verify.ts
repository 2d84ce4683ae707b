/**
 * A whole check of a sealed result, as `npm run verify` and the verify page run it: the
 * statement recounted from the leaves and checked with a public key, and, given a receipt, its
 * leaf proved under the root. Only the leaves and the key are trusted, and they can come from
 * anywhere: a downloaded file, another copy, a key read from the site's own pages.
 */
import { checkProof, proveReceipt, recount } from './recount.ts';
import type { Recount } from './recount.ts';
import type { BallotLeaf } from './statement.ts';
import { VERIFY_TEXT, talliesText } from './verify-text.ts';
import type { VerifyLang } from './verify-text.ts';

export interface VerifyInput {
  statement: string;
  signature: string;
  publicKey: string;
  leaves: BallotLeaf[];
  receipt?: string;
  /** What the server says of a receipt that is no leaf: replaced by a later ballot, or unknown. */
  receiptElsewhere?: 'replaced' | 'not_found';
}

export interface VerifyLine {
  /** null: information, not a check. */
  ok: boolean | null;
  text: string;
}

export interface VerifyReport {
  ok: boolean;
  /** The receipt's fate, when one was given. */
  receipt?: 'counted' | 'replaced' | 'not_found' | 'proof_failed';
  lines: VerifyLine[];
  recount: Recount;
}

export async function verifySealed(input: VerifyInput, lang: VerifyLang): Promise<VerifyReport> {
  const t = VERIFY_TEXT[lang];
  const r = await recount(input.statement, input.signature, input.publicKey, input.leaves);
  const lines: VerifyLine[] = [
    { ok: null, text: t.title(r.statement.poll) },
    { ok: null, text: t.result(r.statement.ballots, talliesText(r.statement.tallies, lang)) },
    ...r.checks.map((c) => ({ ok: c.ok, text: t.checks[c.name](c.ok, r) })),
    { ok: r.ok, text: r.ok ? t.allOk : t.failed },
  ];
  const report: VerifyReport = { ok: r.ok, lines, recount: r };
  if (input.receipt) {
    const receipt = input.receipt.trim().toUpperCase();
    const proof = await proveReceipt(input.leaves, receipt);
    if (proof && (await checkProof(proof, r.statement.root))) {
      report.receipt = 'counted';
      lines.push({ ok: true, text: t.counted(receipt, proof.leaf.choices.join(', '), proof.leaf.hour) });
    } else if (proof) {
      report.receipt = 'proof_failed';
      lines.push({ ok: false, text: t.proofFailed(receipt) });
    } else {
      report.receipt = input.receiptElsewhere ?? 'not_found';
      lines.push({ ok: false, text: report.receipt === 'replaced' ? t.replaced(receipt) : t.notFound(receipt) });
    }
    report.ok &&= report.receipt === 'counted';
  }
  return report;
}

/** The leaves from the open data's CSV (`receipt,choices,hour`, choices separated by spaces). */
export function leavesFromCsv(csv: string): BallotLeaf[] {
  const [head, ...rows] = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  if (head !== 'receipt,choices,hour') throw new Error('Not the leaves CSV: its first line should be "receipt,choices,hour".');
  return rows.map((row) => {
    const [receipt = '', choices = '', hour = ''] = row.split(',');
    return { receipt, choices: choices.split(' ').filter(Boolean), hour };
  });
}

/** Where a poll's seal is, from its API address or its verify page's ("…/embed/v1/frame/verify/POLL?site=SITE"). */
export function sealAddress(url: string): { seal: string; site: string; poll: string; origin: string } {
  const u = new URL(url);
  const page = /\/embed\/v1\/frame\/verify\/([^/?#]+)$/.exec(u.pathname);
  const api = /\/api\/v1\/sites\/([^/]+)\/polls\/([^/]+)(?:\/seal)?\/?$/.exec(u.pathname);
  const site = page ? u.searchParams.get('site') : api?.[1];
  const poll = page ? page[1] : api?.[2];
  if (!site || !poll) throw new Error(`Not the address of a poll, its seal or its verify page: ${url}`);
  return { seal: `${u.origin}/api/v1/sites/${site}/polls/${poll}/seal`, site: decodeURIComponent(site), poll: decodeURIComponent(poll), origin: u.origin };
}
