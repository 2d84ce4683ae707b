/**
 * A poll of 1,000,000 ballots exported through a running `wrangler dev` in every format, against
 * `sqlite3 -csv` reading the same rows from the same local D1 file: time to the last byte (asked
 * for uncompressed, as sqlite3 writes it; see exportOnce), the
 * workerd's anonymous memory (sampled every 20 ms) before, at its peak and after, the
 * D1 queries the export made (counted by the Worker with BENCH_ROUTES=on), and the file checked:
 * every ballot in it, and for XLSX every zip entry inflated and its CRC-32 checked.
 *
 *   const figures = await measureMillionExport({ server, api, token, persistTo, pollId });
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { workerdPid } from './processes.ts';

export type Format = 'csv' | 'json' | 'ndjson' | 'xlsx';

export interface MillionExport {
  format: Format;
  status: number;
  ms: number;
  bytes: number;
  /** workerd's resident memory in MB: before the request, the most during it, and 2 s after. */
  memory: { before: number; peak: number; after: number };
  queries: number;
  /** Ballots found in the file (rows of the data sheet for XLSX), and whether the file is whole. */
  ballots: number;
  wellFormed: boolean;
}

export interface MillionFigures {
  ballots: number;
  /** `sqlite3 -csv` over the same rows, best of three, in ms. */
  sqliteMs: number;
  /**
   * A first CSV export, not counted: workerd's memory grows on its first read of a million rows
   * (local D1, which runs inside it under `wrangler dev`, and the Worker's heap settling) and
   * keeps that; the measured exports then show what an export itself adds.
   */
  warmup: MillionExport;
  exports: MillionExport[];
}

const MB = 1024 * 1024;

/**
 * workerd's anonymous resident memory (RssAnon): the Worker's heap and buffers. Not VmRSS, which
 * also counts the pages of local D1's database file that SQLite maps in as it reads a million
 * rows: under `wrangler dev` D1 runs inside the same workerd, on Cloudflare it does not.
 */
export const rss = (pid: number) => Number(/RssAnon:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Every entry of a zip read from its central directory, inflated, its CRC-32 and size checked. */
function checkZip(zip: Buffer): { entries: Map<string, Buffer>; ok: boolean } {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x0605_4b50) return { entries: new Map(), ok: false };
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  let ok = true;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x0201_4b50) return { entries, ok: false };
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(start, start + compressed), { maxOutputLength: 2 ** 31 - 1 });
    ok &&= data.length === size && crc32(data) === crc;
    entries.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return { entries, ok };
}

function countOf(text: Buffer, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Ballots in a downloaded file, and whether it is whole (for XLSX: every entry's CRC). */
function ballotsIn(format: Format, body: Buffer): { ballots: number; wellFormed: boolean } {
  if (format === 'xlsx') {
    const { entries, ok } = checkZip(body);
    const data = entries.get('xl/worksheets/sheet2.xml');
    if (!data) return { ballots: 0, wellFormed: false };
    return { ballots: countOf(data, '<row ') - 1, wellFormed: ok && data.subarray(-40).toString().includes('</worksheet>') };
  }
  if (format === 'ndjson') return { ballots: countOf(body, '{"type":"ballot"'), wellFormed: body.subarray(-2).toString() === '}\n' };
  if (format === 'json') {
    const tail = body.subarray(-4).toString();
    return { ballots: countOf(body, '{"n":'), wellFormed: tail === '\n]}\n' && body[0] === 0x7b };
  }
  // CSV: the ballot lines after the heading row, which begins with the number heading.
  const text = body.toString('utf8');
  const heading = text.search(/\r\n(Nro|Nr|No\.)[;,]/);
  return { ballots: text.slice(heading + 2).split('\r\n').filter(Boolean).length - 1, wellFormed: text.startsWith('\uFEFF') && heading > 0 };
}

/**
 * A GET sent again once when the socket it went out on had been closed by the server: the pool keeps
 * connections alive, and a minute-long insert of a million rows outlasts wrangler dev's keep-alive,
 * so the first read after it may go out on a dead socket ("other side closed").
 */
/**
 * A GET as an official makes it, cold (workerd's memory sampled meanwhile), then the same again
 * at once: what an expensive computed answer costs, and what it costs once kept.
 */
export async function coldThenAgain<T>(url: string, headers: Record<string, string>, workerd: number): Promise<{ status: number; body: T; coldMs: number; againMs: number; growthMb: number }> {
  const before = rss(workerd);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(workerd))), 20);
  const began = performance.now();
  const response = await getAgain(url, { headers });
  const body = (await response.json()) as T;
  const coldMs = performance.now() - began;
  clearInterval(sampler);
  const again = performance.now();
  await (await getAgain(url, { headers })).arrayBuffer();
  return { status: response.status, body, coldMs, againMs: performance.now() - again, growthMb: (Math.max(peak, rss(workerd)) - before) / (1024 * 1024) };
}

export async function getAgain(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

async function exportOnce(url: string, token: string, format: Format, pid: number, queriesUrl: string): Promise<MillionExport> {
  const queriesNow = async () => ((await (await getAgain(queriesUrl)).json()) as { queries: number }).queries;
  const queriesBefore = await queriesNow();
  const before = rss(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
  const began = performance.now();
  // Uncompressed: on Cloudflare the edge compresses a Worker's JSON after it leaves the Worker; under
  // wrangler dev the local runtime does it in the same process, which would count gzip as the export's time.
  const response = await getAgain(`${url}?format=${format}`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'identity' } });
  const chunks: Buffer[] = [];
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(Buffer.from(read.value));
  const ms = performance.now() - began;
  clearInterval(sampler);
  peak = Math.max(peak, rss(pid));
  await new Promise((r) => setTimeout(r, 2000));
  const after = rss(pid);
  const queries = (await queriesNow()) - queriesBefore;
  const body = Buffer.concat(chunks);
  const found = response.status === 200 ? ballotsIn(format, body) : { ballots: 0, wellFormed: false };
  return { format, status: response.status, ms, bytes: body.length, memory: { before: before / MB, peak: peak / MB, after: after / MB }, queries, ...found };
}

/** The local D1 file under wrangler's `persistTo` (the one database the Worker binds). */
export function d1File(persistTo: string): string {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = readdirSync(dir).filter((f) => /^[0-9a-f]{64}\.sqlite$/.test(f)); // beside metadata.sqlite
  if (files.length !== 1) throw new Error(`expected one D1 database in ${dir}, found ${files.join(', ') || 'none'}`);
  return join(dir, files[0]!);
}

/** `sqlite3 -csv` printing the export's rows (what ballotPage reads, unpaged) to /dev/null, best of three, ms. */
function timeSqlite(file: string, site: string, poll: string): number {
  const sql = `SELECT id, choices, cast_at, changed_at FROM ballots WHERE site_id = '${site}' AND poll_id = '${poll}' ORDER BY id;`;
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const began = performance.now();
    const run = spawnSync('sqlite3', ['-readonly', '-csv', file, sql], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (run.error || run.status !== 0) throw new Error(`sqlite3 failed: ${run.error?.message ?? run.stderr.toString()} (apt-get install sqlite3)`);
    best = Math.min(best, performance.now() - began);
  }
  return best;
}

export async function measureMillionExport(options: { origin: string; api: string; token: string; persistTo: string; serverPid: number; site: string; pollId: string; ballots: number }): Promise<MillionFigures> {
  const pid = workerdPid(options.serverPid);
  const url = `${options.api}/polls/${encodeURIComponent(options.pollId)}/export`;
  const sqliteMs = timeSqlite(d1File(options.persistTo), options.site, options.pollId);
  const queriesUrl = `${options.origin}/__bench/queries`;
  const warmup = await exportOnce(url, options.token, 'csv', pid, queriesUrl);
  const exports: MillionExport[] = [];
  for (const format of ['csv', 'json', 'ndjson', 'xlsx'] as const) exports.push(await exportOnce(url, options.token, format, pid, queriesUrl));
  return { ballots: options.ballots, sqliteMs, warmup, exports };
}
