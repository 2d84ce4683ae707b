/**
 * The verify page's script (worker/frames/verify-page.ts): fetches the poll's signed statement,
 * the site's public key and every leaf, and checks them here, in the reader's browser, with the
 * same code as `npm run verify` (worker/sealing/verify.ts). A receipt typed in the form is
 * checked without reloading the page; the address keeps it, so the check can be shared.
 */
import type { BallotLeaf } from '../../worker/sealing/statement.ts';
import { verifySealed } from '../../worker/sealing/verify.ts';
import { VERIFY_TEXT } from '../../worker/sealing/verify-text.ts';
import type { VerifyLang } from '../../worker/sealing/verify-text.ts';

const main = document.querySelector<HTMLElement>('main[data-seal]')!;
const list = main.querySelector<HTMLUListElement>('ul.checks')!;
const form = main.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('#receipt')!;
const lang = (['fi', 'sv', 'en'].includes(document.documentElement.lang) ? document.documentElement.lang : 'fi') as VerifyLang;
const t = VERIFY_TEXT[lang];

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(t.fetchFailed(url, `HTTP ${response.status}`));
  return (await response.json()) as T;
}

/** Fetched once; checking another receipt needs nothing new. */
const data = (async () => {
  const seal = await getJson<{ statement: string; signature: string; key: { id: string }; leaves: string }>(main.dataset.seal!);
  const { keys } = await getJson<{ keys: { id: string; publicKey: string }[] }>(main.dataset.keys!);
  const leaves = await getJson<BallotLeaf[]>(seal.leaves);
  return { seal, publicKey: keys.find((k) => k.id === seal.key.id)?.publicKey ?? '', leaves };
})();

function show(lines: { ok: boolean | null; text: string }[]): void {
  list.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement('li');
      if (line.ok !== null) item.className = line.ok ? 'ok' : 'fail';
      item.textContent = line.text;
      return item;
    }),
  );
}

async function check(receipt: string): Promise<void> {
  list.setAttribute('aria-busy', 'true');
  try {
    const { seal, publicKey, leaves } = await data;
    const wanted = receipt.trim().toUpperCase();
    let receiptElsewhere: 'replaced' | 'not_found' | undefined;
    if (wanted && !leaves.some((l) => l.receipt === wanted)) {
      const said = await getJson<{ status: string }>(`${main.dataset.seal}/receipts/${encodeURIComponent(wanted)}`).catch(() => null);
      if (said?.status === 'replaced') receiptElsewhere = 'replaced';
    }
    const report = await verifySealed({ statement: seal.statement, signature: seal.signature, publicKey, leaves, receipt: wanted || undefined, receiptElsewhere }, lang);
    show(report.lines);
  } catch (error) {
    show([{ ok: false, text: (error as Error).message }]);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  if (input.value.trim()) url.searchParams.set('receipt', input.value.trim().toUpperCase());
  else url.searchParams.delete('receipt');
  history.replaceState(null, '', url);
  void check(input.value);
});

void check(input.value);
