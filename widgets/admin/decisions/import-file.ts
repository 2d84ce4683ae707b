import type { AhjoDecision } from '../../../scripts/lib/ahjo.ts';
import type { DecisionAdminMessages } from '../locales/decisions/messages.ts';

/** The fields every record needs (docs/importing-decisions.md describes the rest). */
export const REQUIRED_FIELDS = ['sourceId', 'organ', 'meeting.date', 'title', 'outcome'];

/** One record of the file to import, with its line in the file (or its place in the array). */
export interface SourceRecord {
  line: number;
  text: string;
}
export interface Source {
  total: number;
  record(index: number): SourceRecord;
  /** Converted from an Ahjo export: the line numbers are the converted decisions' order. */
  ahjo?: { records: number };
}

/** A problem with the file itself, said before anything is sent. */
export class FileProblem extends Error {}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const isAhjoRecord = (value: unknown) => typeof value === 'object' && value !== null && 'NativeId' in value && 'Organization' in value;

/** The source id of a record's text, when it has a readable one. */
export function sourceIdOf(text: string): string | null {
  try {
    const id = (JSON.parse(text) as { sourceId?: unknown } | null)?.sourceId;
    return typeof id === 'string' && id.trim() ? id.trim() : null;
  } catch {
    return null;
  }
}

/** Records of a parsed array: each sent as one NDJSON line, numbered as the API numbers an array (index + 1). */
function arraySource(items: unknown[]): Source {
  return { total: items.length, record: (i) => ({ line: i + 1, text: JSON.stringify(items[i]) ?? 'null' }) };
}

/** The file as records with their lines: a JSON array, NDJSON, or an Ahjo export converted here. */
export async function readSource(file: File, d: DecisionAdminMessages, phase: (phase: 'reading' | 'converting') => void): Promise<Source> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new FileProblem(d.notReadable);
  }
  const start = text.search(/\S/);
  if (start < 0) throw new FileProblem(d.emptyFile);
  const first = text[start];
  if (first !== '[' && first !== '{') throw new FileProblem(d.unknownShape);

  let whole: unknown;
  let parsed = false;
  try {
    whole = JSON.parse(text);
    parsed = true;
  } catch (error) {
    // NDJSON is not one JSON value; an array that is not JSON is broken.
    if (first === '[') throw new FileProblem(d.notJson(error instanceof Error ? error.message : String(error)));
  }

  if (parsed) {
    if (Array.isArray(whole)) {
      if (whole.length === 0) throw new FileProblem(d.emptyFile);
      if (isAhjoRecord(whole[0])) return convertAhjo(whole, d, phase);
      return arraySource(whole);
    }
    if (whole && typeof whole === 'object' && 'decisions' in whole) {
      const list = (whole as { decisions: unknown }).decisions;
      if (Array.isArray(list) && list.length === 0) throw new FileProblem(d.emptyFile);
      if (Array.isArray(list) && isAhjoRecord(list[0])) return convertAhjo(whole, d, phase);
      throw new FileProblem(d.unknownShape);
    }
    return arraySource([whole]); // one decision on its own
  }

  // NDJSON: one record per line; blank lines skipped, but counted, as the API counts them.
  const lines = text.split('\n');
  const kept: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim()) kept.push(i);
    if (i % 20_000 === 19_999) await yieldToBrowser();
  }
  const head = lines[kept[0]!]!;
  let firstRecord: unknown;
  try {
    firstRecord = JSON.parse(head);
  } catch {
    // the API reports the line
  }
  if (isAhjoRecord(firstRecord)) {
    const records: unknown[] = [];
    for (const index of kept) {
      try {
        records.push(JSON.parse(lines[index]!));
      } catch (error) {
        throw new FileProblem(d.notJson(`${d.line} ${index + 1}: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    return convertAhjo(records, d, phase);
  }
  return { total: kept.length, record: (i) => ({ line: kept[i]! + 1, text: lines[kept[i]!]! }) };
}

/**
 * An Ahjo export as import records, by the mapping the CLI uses (scripts/lib/ahjo.ts), loaded
 * only when such a file is chosen. Converted a group at a time, so a big export does not
 * freeze the page: the language versions of one decision are grouped as `ahjoToImport` groups
 * them, then each group goes through `ahjoToImport` itself.
 */
async function convertAhjo(json: unknown, d: DecisionAdminMessages, phase: (phase: 'converting') => void): Promise<Source> {
  phase('converting');
  try {
    const ahjo = await import('../../../scripts/lib/ahjo.ts');
    const records = ahjo.ahjoRecords(json);
    const groups = new Map<string, AhjoDecision[]>();
    for (const record of records) {
      const key = ahjo.decisionKey(record);
      const group = groups.get(key);
      if (group) group.push(record);
      else groups.set(key, [record]);
    }
    const converted: unknown[] = [];
    let done = 0;
    for (const group of groups.values()) {
      converted.push(...ahjo.ahjoToImport(group));
      if (++done % 100 === 0) await yieldToBrowser();
    }
    if (converted.length === 0) throw new FileProblem(d.emptyFile);
    return { ...arraySource(converted), ahjo: { records: records.length } };
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(d.ahjoFailed(error instanceof Error ? error.message : String(error)));
  }
}

