/**
 * Bulk import of decisions: a JSON array or NDJSON, up to 10,000 records, each upserted by its
 * source id. The body is read as a stream and checked record by record; nothing is written
 * until the whole file has been read, so a file over the limits writes nothing. Then the good
 * records go to D1 in batches (each batch one transaction, each record's statements inside one
 * batch); a batch the database refuses is retried record by record, so one bad record never
 * keeps the others out. The answer reports every rejected record by its line.
 */
import { createApp, jsonResponse as json, nowIso, officialRoute } from '../app.ts';
import { auditStatement } from '../db/audit.ts';
import { isUniqueViolation } from '../db/constraints.ts';
import { decisionsBySourceId, upsertBySourceStatements } from '../db/decisions.ts';
import { buildDecision } from '../decision-rules.ts';
import { ApiError } from '../errors.ts';
import type { ErrorIssue } from '../errors.ts';
import type { RequestBodyOptions } from '../middleware/request-body.ts';
import { strictJsonIssue } from '../middleware/strict-json.ts';
import { SiteParams, errorResponses } from '../schema/common.ts';
import { DecisionInput, ImportResult } from '../schema/decisions.ts';
import { mailWhenDecided } from '../cases/notify.ts';
import type { Decision } from '../schema/decisions.ts';
import type { z } from '@hono/zod-openapi';

export const IMPORT_MAX_RECORDS = 10_000;
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Records per D1 batch: one transaction of about three statements each. */
export const IMPORT_BATCH = 50;
/** Rejected records listed in the answer; `errorsOmitted` counts the rest. */
export const IMPORT_MAX_ERRORS = 1000;
const NDJSON = 'application/x-ndjson';

/** The one write that takes a large body, and NDJSON: `worker/index.ts` gives it these limits. */
export const IMPORT_PATH = /^\/api\/v1\/sites\/[^/]+\/decisions\/import$/;
export const IMPORT_BODY: RequestBodyOptions = { maxBytes: IMPORT_MAX_BYTES, types: ['application/json', NDJSON], stream: true };

type Issue = ErrorIssue;
interface Rejection {
  line: number;
  sourceId: string | null;
  issues: Issue[];
}
type Input = z.infer<typeof DecisionInput> & { sourceId: string };
interface Accepted {
  line: number;
  input: Input;
}

const badRequest = (code: string, message: string) => new ApiError(400, code, message);
const tooMany = () =>
  badRequest('too_many_records', `An import takes at most ${IMPORT_MAX_RECORDS.toLocaleString('en')} records and this body has more: split it into files of ${IMPORT_MAX_RECORDS.toLocaleString('en')} or fewer.`);
const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

// ---------------------------------------------------------------------------------------------
// Reading: the body's text, as it arrives, cut into records with their line numbers.

interface RawRecord {
  line: number;
  text: string;
}

/** NDJSON: one record per line, blank lines skipped but counted, `\r\n` allowed. */
class NdjsonLines {
  private pending: string[] = [];
  private line = 0;

  push(piece: string, out: RawRecord[]): void {
    let from = 0;
    for (;;) {
      const newline = piece.indexOf('\n', from);
      if (newline < 0) {
        if (from < piece.length) this.pending.push(piece.slice(from));
        return;
      }
      this.pending.push(piece.slice(from, newline));
      this.emit(out);
      from = newline + 1;
    }
  }

  end(out: RawRecord[]): void {
    if (this.pending.length) this.emit(out);
  }

  private emit(out: RawRecord[]): void {
    const text = this.pending.join('');
    this.pending = [];
    this.line++;
    if (text.trim()) out.push({ line: this.line, text });
  }
}

const OUTSIDE_STRING = /["[\]{},]/g;
const INSIDE_STRING = /["\\]/g;

/**
 * A JSON array, arriving in pieces, cut into its elements' texts without parsing them: only
 * strings and nesting are followed, so one broken element is refused on its own (by
 * `JSON.parse` later) while the others are still read. Line numbers are the array index + 1.
 */
class ArrayElements {
  private state: 'before' | 'inside' | 'after' = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private pending: string[] = [];
  private count = 0;

  push(piece: string, out: RawRecord[]): void {
    let i = 0;
    if (this.state === 'before') {
      i = piece.search(/\S/);
      if (i < 0) return;
      if (piece[i] !== '[') {
        throw badRequest(
          'not_an_array',
          `Send a JSON array of decisions ([{…}, {…}]), or one decision per line with Content-Type: ${NDJSON}.`,
        );
      }
      this.state = 'inside';
      i++;
    }
    if (this.state === 'after') return this.expectNothing(piece, 0);
    let start = i;
    while (i < piece.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        INSIDE_STRING.lastIndex = i;
        const found = INSIDE_STRING.exec(piece);
        if (!found) break;
        i = found.index + 1;
        if (found[0] === '\\') this.escaped = true;
        else this.inString = false;
        continue;
      }
      OUTSIDE_STRING.lastIndex = i;
      const found = OUTSIDE_STRING.exec(piece);
      if (!found) break;
      const at = found.index;
      i = at + 1;
      switch (found[0]) {
        case '"':
          this.inString = true;
          break;
        case '[':
        case '{':
          this.depth++;
          break;
        case ']':
        case '}':
          if (this.depth > 0) this.depth--;
          else if (found[0] === ']') {
            // The array's own closing bracket: a blank last element is a trailing comma, or `[]`.
            this.pending.push(piece.slice(start, at));
            const text = this.take();
            if (text.trim()) this.emit(text, out);
            this.state = 'after';
            return this.expectNothing(piece, i);
          }
          break; // a stray `}` stays in its element, which JSON.parse then refuses
        case ',':
          if (this.depth === 0) {
            this.pending.push(piece.slice(start, at));
            this.emit(this.take(), out);
            start = i;
          }
          break;
      }
    }
    this.pending.push(piece.slice(start));
  }

  end(): void {
    if (this.state === 'before') throw badRequest('empty_import', 'The body has no records.');
    if (this.state === 'inside') {
      throw badRequest('malformed_json', `The JSON array is not closed${this.inString ? ' (a string is not closed either)' : ''}: the file may have been cut short.`);
    }
  }

  private take(): string {
    const text = this.pending.join('');
    this.pending = [];
    return text;
  }

  private emit(text: string, out: RawRecord[]): void {
    out.push({ line: ++this.count, text });
  }

  private expectNothing(piece: string, from: number): void {
    if (/\S/.test(piece.slice(from))) throw badRequest('malformed_json', 'There is more after the closing ] of the array.');
  }
}

// ---------------------------------------------------------------------------------------------
// Checking: each record parsed, validated, and given its source id once.

const MISSING_SOURCE_ID = 'An import needs each record\'s "sourceId" (the source system\'s id): it is how the next import finds the decision to update.';

function readableSourceId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('sourceId' in value)) return null;
  const id = (value as { sourceId: unknown }).sourceId;
  return typeof id === 'string' && id.trim() ? clip(id.trim(), 200) : null;
}

class Checker {
  readonly accepted: Accepted[] = [];
  readonly rejections: Rejection[] = [];
  /** Rejections not kept because the first IMPORT_MAX_ERRORS already were. */
  dropped = 0;
  records = 0;
  private firstLine = new Map<string, number>();

  check({ line, text }: RawRecord): void {
    if (++this.records > IMPORT_MAX_RECORDS) throw tooMany();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof SyntaxError ? `: ${clip(error.message, 200)}` : '';
      return this.reject(line, null, [{ path: [], code: 'not_json', message: `This record is not valid JSON${reason}` }]);
    }
    const sourceId = readableSourceId(value);
    const strict = strictJsonIssue(text);
    if (strict) return this.reject(line, sourceId, [strict]);
    if (sourceId !== null) {
      const first = this.firstLine.get(sourceId);
      if (first !== undefined) {
        return this.reject(line, sourceId, [
          { path: ['sourceId'], code: 'duplicate_source_id', message: `Line ${first} already has the source id "${sourceId}": each source id may appear once in an import.` },
        ]);
      }
      this.firstLine.set(sourceId, line);
    }
    const result = DecisionInput.safeParse(value);
    if (result.success && result.data.sourceId) {
      this.accepted.push({ line, input: result.data as Input });
      return;
    }
    const issues: Issue[] = result.success
      ? []
      : result.error.issues.slice(0, 20).map((issue) => ({
          path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
          code: issue.code,
          message: clip(issue.message),
        }));
    // Said once: when the source id is there but invalid, zod's issue on it already says so.
    if (sourceId === null && !issues.some((issue) => issue.path[0] === 'sourceId')) {
      issues.push({ path: ['sourceId'], code: 'missing_source_id', message: MISSING_SOURCE_ID });
    }
    this.reject(line, sourceId, issues);
  }

  reject(line: number, sourceId: string | null, issues: Issue[]): void {
    // Records are checked in line order, so the ones kept are the first by line.
    if (this.rejections.length < IMPORT_MAX_ERRORS) this.rejections.push({ line, sourceId, issues });
    else this.dropped++;
  }
}

/** Reads and checks the whole body; throws 400 (or the stream's 413) for a body it cannot use. */
async function readRecords(body: ReadableStream<Uint8Array> | null, ndjson: boolean): Promise<Checker> {
  const checker = new Checker();
  if (!body) throw badRequest('empty_import', 'The body has no records.');
  const splitter = ndjson ? new NdjsonLines() : new ArrayElements();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const reader = body.getReader();
  const feed = (bytes?: Uint8Array) => {
    let text: string;
    try {
      text = bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw badRequest('invalid_encoding', 'The body is not valid UTF-8: save the file as UTF-8 and send it again.');
    }
    const records: RawRecord[] = [];
    if (text) splitter.push(text, records);
    if (!bytes) {
      if (splitter instanceof NdjsonLines) splitter.end(records);
      else splitter.end();
    }
    for (const record of records) checker.check(record);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      feed(value);
    }
    feed();
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (checker.records === 0) throw badRequest('empty_import', 'The body has no records.');
  return checker;
}

// ---------------------------------------------------------------------------------------------
// Writing: batches of records, each record's statements together; a refused batch record by record.

interface Planned {
  line: number;
  decision: Decision & { sourceId: string };
  /** The record gave its own id (else it was made from the source id, or kept from the stored decision). */
  givenId: boolean;
  update: boolean;
}

/** Why the database refused one record, in words an editor can act on. */
function refusal(error: unknown, { decision, givenId }: Planned): Issue {
  const message = error instanceof Error ? error.message : String(error);
  if (isUniqueViolation(error, 'decisions')) {
    // A source id never collides (the upsert updates its decision), so this is the id.
    return givenId
      ? { path: ['id'], code: 'id_taken', message: `The id "${decision.id}" is already another decision's on this site: give this record another id, or none.` }
      : { path: ['id'], code: 'id_taken', message: `The id "${decision.id}" made from the source id is already another decision's on this site: give this record its own "id".` };
  }
  console.error('Decision import: the database refused a record', decision.sourceId, message);
  return { path: [], code: 'database_refused', message: `The database refused this record (${clip(message.replace(/^D1_ERROR:\s*/, ''), 200)}).` };
}

const app = createApp();

app.openapi(
  officialRoute('editor', {
    method: 'post',
    path: '/sites/{site}/decisions/import',
    tags: ['Decisions'],
    summary: 'Import decisions in bulk',
    description: [
      `A JSON array of decisions (\`application/json\`), or one per line (\`${NDJSON}\`, blank lines skipped): at most ${IMPORT_MAX_RECORDS.toLocaleString('en')} records and ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`,
      'Each record is a `DecisionInput` with a `sourceId`: a decision with the same source id is updated (its id and publication time kept), any other is created.',
      'A record that is not JSON, not valid, without a source id, repeating an earlier line\'s source id, or refused by the database (e.g. its `id` is another decision\'s) is rejected and reported by line; the others are stored.',
      'The answer is 200 when at least one record was stored, and 400 `nothing_imported` (with every rejected line in `issues`, each path starting with the line number) when none was.',
    ].join('\n\n'),
    request: {
      params: SiteParams,
      body: {
        required: true,
        description: 'Decisions as a JSON array, or as NDJSON.',
        // Plain schemas, not zod: the handler reads the body itself, as a stream.
        content: {
          'application/json': { schema: { type: 'array', maxItems: IMPORT_MAX_RECORDS, items: { $ref: '#/components/schemas/DecisionInput' } } },
          [NDJSON]: { schema: { type: 'string', description: 'One `DecisionInput` as JSON per line.' } },
        },
      },
    },
    responses: { 200: json(ImportResult, 'What was created, updated and rejected'), ...errorResponses(400, 401, 403, 404, 413, 415) },
  }),
  async (c) => {
    const db = c.env.DB;
    const site = c.var.site.id;
    const ndjson = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase() === NDJSON;
    const checked = await readRecords(c.req.raw.body, ndjson);
    const rejections = [...checked.rejections];
    let dropped = checked.dropped;
    const reject = (line: number, sourceId: string | null, issue: Issue) => rejections.push({ line, sourceId, issues: [issue] });

    const now = nowIso();
    const accepted = checked.accepted;
    const existing = await decisionsBySourceId(db, site, accepted.map((record) => record.input.sourceId));

    let created = 0;
    let updated = 0;
    const stored = (records: Planned[]) => {
      for (const record of records) {
        if (record.update) updated++;
        else created++;
      }
    };
    const auditRow = (counts: { created: number; updated: number }) =>
      auditStatement(
        db,
        c.var.official,
        {
          action: 'decision.import',
          detail: { format: ndjson ? 'ndjson' : 'json', records: checked.records, ...counts, rejected: checked.records - counts.created - counts.updated },
        },
        now,
      );
    let audited = false;

    for (let i = 0; i < accepted.length; i += IMPORT_BATCH) {
      // Built a batch at a time, so only one batch's rendered bodies are held at once.
      const chunk: Planned[] = [];
      for (const { line, input } of accepted.slice(i, i + IMPORT_BATCH)) {
        const before = existing.get(input.sourceId);
        try {
          chunk.push({ line, decision: buildDecision(input, now, before) as Planned['decision'], givenId: input.id !== undefined, update: before !== undefined });
        } catch (error) {
          console.error('Decision import: could not build a record', input.sourceId, error);
          reject(line, input.sourceId, { path: [], code: 'not_buildable', message: 'This record could not be prepared for storing.' });
        }
      }
      if (!chunk.length) continue;
      const statements = chunk.flatMap((record) => upsertBySourceStatements(db, site, record.decision));
      // The import's audit row rides in the last batch, with the counts that batch completes.
      const last = i + IMPORT_BATCH >= accepted.length;
      const audit = last ? auditRow({ created: created + chunk.filter((r) => !r.update).length, updated: updated + chunk.filter((r) => r.update).length }) : null;
      try {
        await db.batch(audit ? [...statements, audit] : statements);
        stored(chunk);
        audited ||= audit !== null;
      } catch {
        // One bad record fails its whole batch (a transaction, so nothing of it stays): store the rest one by one.
        for (const record of chunk) {
          try {
            await db.batch(upsertBySourceStatements(db, site, record.decision));
            stored([record]);
          } catch (error) {
            reject(record.line, record.decision.sourceId, refusal(error, record));
          }
        }
      }
    }

    const rejected = checked.records - created - updated;
    rejections.sort((a, b) => a.line - b.line);
    if (rejections.length > IMPORT_MAX_ERRORS) dropped += rejections.splice(IMPORT_MAX_ERRORS).length;

    if (created + updated === 0) {
      const issues = rejections.flatMap(({ line, issues }) => issues.map((issue) => ({ ...issue, path: [line, ...issue.path] })));
      throw new ApiError(
        400,
        'nothing_imported',
        `None of the ${checked.records.toLocaleString('en')} records was imported: see "issues", whose paths start with the line number${dropped ? ` (the first ${IMPORT_MAX_ERRORS.toLocaleString('en')} rejected lines are listed)` : ''}.`,
        issues,
      );
    }
    if (!audited) await db.batch([auditRow({ created, updated })]);
    mailWhenDecided(c);

    return c.json(
      {
        created,
        updated,
        rejected,
        errors: rejections.map(({ line, sourceId, issues }) => ({ line, sourceId, issues: issues.map(({ path, message }) => ({ path, message })) })),
        errorsOmitted: dropped,
      },
      200,
    );
  },
);

export default app;
