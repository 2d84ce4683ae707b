/**
 * WebVTT (https://www.w3.org/TR/webvtt1/) as editors upload captions: checked before they are
 * stored, so every file we serve is one a browser's <track> reads, and reduced to plain text for
 * the transcript.
 *
 * Checked: the `WEBVTT` signature (after an optional BOM, followed by nothing or by a space or
 * tab and any text), the header up to the first blank line, then blocks separated by blank
 * lines: NOTE comments, STYLE and REGION blocks, and cues: an optional identifier, the timing
 * line `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt` with any settings after it, and the text. A cue must
 * end after it starts, no line but a timing may contain "-->", and there must be at least one cue.
 */

export interface Cue {
  /** Seconds. */
  start: number;
  end: number;
  /** The cue's text as written, tags and character references included. */
  text: string;
}

export interface VttIssue {
  /** 1-based. */
  line: number;
  message: string;
}

export type VttResult = { ok: true; cues: Cue[] } | { ok: false; issues: VttIssue[] };

/** At most this many issues are reported; a file with more is usually not WebVTT at all. */
const MAX_ISSUES = 20;

const TIMESTAMP = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIMESTAMP}[ \t]+-->[ \t]+${TIMESTAMP}(?:[ \t]+(.*))?$`);
const SIGNATURE = /^WEBVTT(?:[ \t].*)?$/;

const seconds = (h: string | undefined, m: string, s: string, ms: string) => (Number(h ?? 0) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000 + Number(ms)) / 1000;

/** "00:01.000 --> 00:04.000 align:start" → its start and end; null if it is not a timing line. */
function timing(line: string): { start: number; end: number } | null {
  const m = TIMING.exec(line);
  if (!m) return null;
  return { start: seconds(m[1], m[2]!, m[3]!, m[4]!), end: seconds(m[5], m[6]!, m[7]!, m[8]!) };
}

/** Whether a block starts with `keyword` as the whole first word (NOTE, STYLE, REGION). */
const startsBlock = (line: string, keyword: string) => line === keyword || line.startsWith(`${keyword} `) || line.startsWith(`${keyword}\t`);

export function parseWebVtt(source: string): VttResult {
  const issues: VttIssue[] = [];
  const fail = (line: number, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ line, message });
  };
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split(/\r\n|\r|\n/);
  const nul = lines.findIndex((line) => line.includes('\u0000'));
  if (nul >= 0) return { ok: false, issues: [{ line: nul + 1, message: `Line ${nul + 1}: a NUL character; this is not a text file.` }] };
  if (!SIGNATURE.test(lines[0] ?? '')) {
    return { ok: false, issues: [{ line: 1, message: 'Line 1: a WebVTT file starts with "WEBVTT" on its own line (optionally followed by a space and a title).' }] };
  }

  const cues: Cue[] = [];
  let i = 1;
  // The header: any lines up to the first blank one (e.g. "Kind: captions", "Language: fi").
  while (i < lines.length && lines[i] !== '') {
    if (lines[i]!.includes('-->')) fail(i + 1, `Line ${i + 1}: leave a blank line between the WEBVTT line and the first cue.`);
    i++;
  }
  for (;;) {
    while (i < lines.length && lines[i] === '') i++;
    if (i >= lines.length) break;
    const first = i;
    const block: string[] = [];
    while (i < lines.length && lines[i] !== '') block.push(lines[i++]!);
    const head = block[0]!;
    if (startsBlock(head, 'NOTE')) {
      if (block.some((line) => line.includes('-->'))) fail(first + 1, `Line ${first + 1}: a NOTE may not contain "-->".`);
      continue;
    }
    if ((startsBlock(head, 'STYLE') || startsBlock(head, 'REGION')) && !head.includes('-->')) {
      const arrow = block.findIndex((line) => line.includes('-->'));
      if (arrow >= 0) fail(first + arrow + 1, `Line ${first + arrow + 1}: a ${head.split(/[ \t]/)[0]} block may not contain "-->".`);
      continue;
    }
    // A cue: an optional identifier (without "-->"), then the timing line.
    const timingAt = head.includes('-->') ? 0 : 1;
    const timingLine = block[timingAt];
    const lineNo = first + timingAt + 1;
    if (timingLine === undefined) {
      fail(first + 1, `Line ${first + 1}: "${clip(head)}" is not a cue: a cue needs a timing line such as 00:01.000 --> 00:04.000.`);
      continue;
    }
    const times = timing(timingLine);
    if (!times) {
      fail(lineNo, `Line ${lineNo}: expected a cue timing such as 00:01.000 --> 00:04.000 (or 01:02:03.000 --> 01:02:05.500), got "${clip(timingLine)}".`);
      continue;
    }
    if (times.end <= times.start) fail(lineNo, `Line ${lineNo}: the cue ends (${formatTime(times.end)}) before it starts (${formatTime(times.start)}).`);
    const payload = block.slice(timingAt + 1);
    const arrow = payload.findIndex((line) => line.includes('-->'));
    if (arrow >= 0) {
      const at = lineNo + arrow + 1;
      fail(at, `Line ${at}: cue text may not contain "-->"; leave a blank line before the next cue.`);
      continue;
    }
    cues.push({ ...times, text: payload.join('\n') });
  }
  const lastLine = lines.findLastIndex((line) => line !== '') + 1;
  if (!issues.length && !cues.length) issues.push({ line: lastLine, message: 'The file has no cues: add at least one, such as "00:01.000 --> 00:04.000" followed by its text.' });
  return issues.length ? { ok: false, issues } : { ok: true, cues };
}

const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function formatTime(total: number): string {
  const ms = Math.round(total * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${h ? `${pad(h)}:` : ''}${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/** Character references to their characters; unknown ones stay as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** A cue's text without its markup: ruby annotations dropped, every tag and timestamp removed. */
function plainLines(text: string): string[] {
  const untagged = text.replace(/<rt>[\s\S]*?(?:<\/rt>|(?=<\/ruby>)|$)/g, '').replace(/<[^>]*>/g, '');
  return decodeEntities(untagged)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** A gap between two cues of at least this many seconds starts a new paragraph. */
export const PARAGRAPH_GAP = 2;

/**
 * The captions as readable text: the cues' words without tags or timestamps, a line repeated in
 * the next cue (as rolling captions do) given once, lines joined into paragraphs that break
 * where the speech pauses for PARAGRAPH_GAP seconds or more.
 */
export function transcriptFromCues(cues: readonly Cue[]): string {
  const paragraphs: string[][] = [];
  let last: string | undefined;
  let previousEnd: number | undefined;
  for (const cue of cues) {
    const lines = plainLines(cue.text);
    if (!lines.length) continue;
    if (!paragraphs.length || (previousEnd !== undefined && cue.start - previousEnd >= PARAGRAPH_GAP)) paragraphs.push([]);
    previousEnd = cue.end;
    for (const line of lines) {
      if (line === last) continue;
      paragraphs.at(-1)!.push(line);
      last = line;
    }
  }
  return paragraphs
    .filter((p) => p.length)
    .map((p) => p.join(' '))
    .join('\n\n');
}
