/**
 * A poll's export timed end to end through a running `wrangler dev`: XLSX, and CSV for
 * comparison, from the request until the last byte is in, with the bytes received. Loopback only.
 *
 * CSV streams, so its time grows with the ballots and its memory does not. XLSX is built in the
 * Worker's memory before the first byte goes out; above its limit (about 50,000 ballots, see
 * worker/export/xlsx.ts) the answer is a quick 422 `xlsx_too_large`, and that is what is
 * measured then: `status` and `code` say so.
 *
 * After the bench has seeded 100,000 ballots into 'bench-rows':
 *   const exported = await measurePollExport({ api, token, pollId: 'bench-rows' });
 */

export interface ExportTiming {
  format: 'xlsx' | 'csv';
  status: number;
  /** From sending the request to the last byte of the answer, in milliseconds (the best round). */
  ms: number;
  /** Bytes of the answer's body. */
  bytes: number;
  /** The error code of a 4xx, e.g. `xlsx_too_large`. */
  code?: string;
  /** For a 200: whether the body is what it says (a zip for XLSX, the BOM and headings for CSV). */
  wellFormed?: boolean;
}

export interface PollExportFigures {
  xlsx: ExportTiming;
  csv: ExportTiming;
}

async function timeExport(url: string, token: string, format: ExportTiming['format']): Promise<ExportTiming> {
  const began = performance.now();
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const reader = response.body!.getReader();
  let bytes = 0;
  let head = new Uint8Array(0);
  const tail: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (head.byteLength < 64) head = new Uint8Array([...head, ...value.subarray(0, 64 - head.byteLength)]);
    if (response.status !== 200) tail.push(value.slice()); // an error body is small: keep it for its code
  }
  const ms = performance.now() - began;
  if (response.status !== 200) {
    const text = await new Blob(tail).text();
    const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    return { format, status: response.status, ms, bytes, code };
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04; // "PK\3\4"
  const csv = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf && /^(Kysely|Enkät|Poll)[;,]/.test(new TextDecoder().decode(head.subarray(3)));
  return { format, status: response.status, ms, bytes, wellFormed: format === 'xlsx' ? zip : csv };
}

/**
 * Exports `pollId` as XLSX and as CSV, `rounds` times each in turn (default 3, after one warm-up
 * of each), and reports the fastest round of each: the machine's noise only ever adds time.
 * `api`: the site's API base, e.g. http://127.0.0.1:8787/api/v1/sites/koivulahti; `token`: a
 * viewer's or higher.
 */
export async function measurePollExport(options: { api: string; token: string; pollId: string; rounds?: number }): Promise<PollExportFigures> {
  const url = (format: string) => `${options.api}/polls/${encodeURIComponent(options.pollId)}/export?format=${format}`;
  const best: Partial<PollExportFigures> = {};
  for (let round = 0; round <= (options.rounds ?? 3); round++) {
    for (const format of ['xlsx', 'csv'] as const) {
      const timing = await timeExport(url(format), options.token, format);
      if (round === 0) continue; // warm-up: the first request also compiles the Worker's code paths
      if (!best[format] || timing.ms < best[format].ms) best[format] = timing;
    }
  }
  return best as PollExportFigures;
}
