/**
 * Sealing a poll of 1,000,000 ballots (issue 17): the official's close, which seals in the same
 * request (ballots from before receipts get one first, as the bench's rows, written by SQL, are);
 * a receipt's proof, which streams every leaf again; and the open data's size in CSV and JSON.
 * The workerd's anonymous memory is sampled through each, as for the exports.
 *
 *   const figures = await measureSealMillion({ api, token, pollId, serverPid });
 */
import { getAgain, rss } from './export-million.ts';
import { workerdPid } from './processes.ts';

const MB = 1024 * 1024;

export interface SealFigures {
  closeMs: number;
  closeStatus: number;
  ballots: number;
  proofMs: number;
  proofOk: boolean;
  csv: { bytes: number; ms: number };
  json: { bytes: number; ms: number };
  /** How much workerd's memory grew at most during each, MB. */
  growth: { close: number; proof: number; csv: number; json: number };
}

async function timed<T>(pid: number, run: () => Promise<T>): Promise<{ value: T; ms: number; growth: number }> {
  const before = rss(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
  const began = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - began, growth: (Math.max(peak, rss(pid)) - before) / MB };
  } finally {
    clearInterval(sampler);
  }
}

async function download(url: string): Promise<number> {
  const response = await getAgain(url, { headers: { 'Accept-Encoding': 'identity' } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.length;
  return bytes;
}

export async function measureSealMillion(options: { api: string; token: string; pollId: string; serverPid: number }): Promise<SealFigures> {
  const pid = workerdPid(options.serverPid);
  const poll = `${options.api}/polls/${options.pollId}`;
  const close = await timed(pid, () =>
    fetch(poll, { method: 'PATCH', headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'closed' }) }).then(async (r) => (await r.arrayBuffer(), r.status)),
  );
  const seal = (await (await getAgain(`${poll}/seal`)).json()) as { statement: string };
  const ballots = (JSON.parse(seal.statement) as { ballots: number }).ballots;
  // A receipt half-way through the leaves: its proof streams all of them, as any proof does.
  const csv = await timed(pid, () => download(`${poll}/seal/leaves?format=csv`));
  const json = await timed(pid, () => download(`${poll}/seal/leaves`));
  const text = await (await getAgain(`${poll}/seal/leaves?format=csv`)).text();
  const lines = text.split('\r\n');
  const receipt = lines[Math.floor(lines.length / 2)]!.split(',')[0]!;
  const proof = await timed(pid, async () => (await (await getAgain(`${poll}/seal/receipts/${receipt}`)).json()) as { status: string; proof?: { size: number } });
  return {
    closeMs: close.ms,
    closeStatus: close.value,
    ballots,
    proofMs: proof.ms,
    proofOk: proof.value.status === 'counted' && proof.value.proof?.size === ballots,
    csv: { bytes: csv.value, ms: csv.ms },
    json: { bytes: json.value, ms: json.ms },
    growth: { close: close.growth, proof: proof.growth, csv: csv.growth, json: json.growth },
  };
}
