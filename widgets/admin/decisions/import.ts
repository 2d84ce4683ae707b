import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { ImportResult } from '../../../worker/schema/decisions.ts';
import { ApiRequestError, NetworkError } from '../../core/api-client.ts';
import type { ErrorEnvelope } from '../../../worker/errors.ts';
import { DecisionsBase } from './base.ts';
import { FileProblem, REQUIRED_FIELDS, readSource, sourceIdOf } from './import-file.ts';
import type { Source } from './import-file.ts';

type Report = z.infer<typeof ImportResult>;
type Rejection = Report['errors'][number];

const NDJSON = 'application/x-ndjson';
/** Records per import request: the API takes 10,000, fewer make a progress bar worth the name. */
const BATCH_RECORDS = 1000;
/** UTF-16 code units per request: at most 3 bytes of UTF-8 each, so under the API's 32 MiB. */
const BATCH_CHARS = 10_000_000;
/** Rejected lines listed in the report; the rest are counted. */
const MAX_LISTED = 1000;
/** One request of 1,000 long decisions takes seconds of the Worker's time; give it a minute or two. */
const IMPORT_TIMEOUT_MS = 120_000;

interface ImportRun {
  phase: 'reading' | 'converting' | 'sending' | 'done' | 'failed';
  total: number;
  sent: number;
  ahjo?: { records: number };
  created: number;
  updated: number;
  rejected: number;
  errors: Rejection[];
  omitted: number;
  error: string;
}

async function requestError(response: Response): Promise<ApiRequestError> {
  try {
    const { error } = (await response.json()) as ErrorEnvelope;
    return new ApiRequestError(response.status, error.code, error.message, error.issues);
  } catch {
    return new ApiRequestError(response.status, 'unexpected_response', `The server answered ${response.status}.`);
  }
}

/**
 * The decisions view's import: a JSON or NDJSON file, or an Ahjo export converted in the browser
 * (import-file.ts), sent in batches with a progress bar and a report of every rejected line.
 */
export abstract class DecisionImport extends DecisionsBase {
  @state() protected run?: ImportRun;
  @state() protected fileError = '';

  protected get importing(): boolean {
    return this.run !== undefined && ['reading', 'converting', 'sending'].includes(this.run.phase);
  }

  protected renderImport() {
    const d = this.d;
    const run = this.run;
    const busy = this.importing;
    return html`<section class="import" aria-labelledby="import-heading">
      <h3 id="import-heading">${d.importHeading}</h3>
      <p class="hint" id="import-help">${d.importHelp}</p>
      <p class="hint" id="import-format">${d.importFormat} ${REQUIRED_FIELDS.map((field, i) => html`${i ? ', ' : ''}<code>${field}</code>`)}.</p>
      <form aria-labelledby="import-heading" @submit=${this.startImport}>
        <div class="field">
          <label for="import-file">${d.file}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".json,.ndjson,application/json,application/x-ndjson"
            ?disabled=${busy}
            aria-invalid=${this.fileError ? 'true' : 'false'}
            aria-describedby=${this.fileError ? 'import-help import-format import-error' : 'import-help import-format'}
            @change=${() => (this.fileError = '')}
          />
          ${this.fileError ? html`<p class="error" id="import-error" role="alert">${this.fileError}</p>` : nothing}
        </div>
        <button part="button" aria-disabled=${busy ? 'true' : 'false'}>${d.import}</button>
      </form>
      ${run ? this.renderRun(run) : nothing}
    </section>`;
  }

  protected renderRun(run: ImportRun) {
    const d = this.d;
    const n = (count: number) => count.toLocaleString(this.language);
    return html`${run.ahjo && run.phase !== 'converting' ? html`<p>${d.converted(run.ahjo.records, run.total)}</p>` : nothing}
      ${run.phase === 'reading' || run.phase === 'converting'
        ? html`<p class="meta">${run.phase === 'reading' ? d.reading : d.converting}</p>`
        : html`<div class="field">
            <label for="import-progress">${d.progress(run.sent, run.total)}</label>
            <progress id="import-progress" max=${run.total} value=${run.sent}></progress>
          </div>`}
      ${run.error ? html`<p class="notice error" role="alert">${run.error}</p>` : nothing}
      ${run.phase === 'done' || run.phase === 'failed'
        ? html`<section class="report" aria-labelledby="report-heading">
            <h4 id="report-heading" tabindex="-1">${d.reportHeading}</h4>
            <dl>
              <dt>${d.created}</dt>
              <dd class="created">${n(run.created)}</dd>
              <dt>${d.updated}</dt>
              <dd class="updated">${n(run.updated)}</dd>
              <dt>${d.rejected}</dt>
              <dd class="rejected">${n(run.rejected)}</dd>
            </dl>
            ${run.errors.length
              ? html`${run.ahjo ? html`<p class="hint">${d.ahjoLines}</p>` : nothing}
                  <div class="table-wrap">
                    <table class="responsive rejections">
                      <caption>${d.rejectedCaption}</caption>
                      <thead>
                        <tr><th scope="col">${d.line}</th><th scope="col">${d.sourceId}</th><th scope="col">${d.reasons}</th></tr>
                      </thead>
                      <tbody>
                        ${run.errors.map(
                          (e) => html`<tr>
                            <th scope="row" data-label=${d.line}>${e.line}</th>
                            <td data-label=${d.sourceId}>${e.sourceId ? html`<code>${e.sourceId}</code>` : '–'}</td>
                            <td data-label=${d.reasons} lang="en">${e.issues.map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join(' · ')}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`
              : nothing}
            ${run.omitted ? html`<p>${d.omitted(run.omitted)}</p>` : nothing}
          </section>`
        : nothing}`;
  }

  protected async startImport(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.importing) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#import-file')!;
    const file = input.files?.[0];
    if (!file) {
      this.fileError = this.d.chooseFile;
      input.focus();
      return;
    }
    this.fileError = '';
    const run: ImportRun = { phase: 'reading', total: 0, sent: 0, created: 0, updated: 0, rejected: 0, errors: [], omitted: 0, error: '' };
    this.run = run;
    let source: Source;
    try {
      source = await readSource(file, this.d, (phase) => (this.run = { ...run, phase }));
    } catch (error) {
      this.run = undefined;
      this.fileError = error instanceof FileProblem ? error.message : this.d.notReadable;
      await this.updateComplete;
      input.focus();
      return;
    }
    run.ahjo = source.ahjo;
    run.total = source.total;
    run.phase = 'sending';
    this.run = { ...run };
    await this.sendAll(source, run);
    if (run.created + run.updated > 0) {
      this.reload();
    }
  }


  /** Sends the records in batches of NDJSON, adding up the answers; stops at a batch that fails. */
  protected async sendAll(source: Source, run: ImportRun): Promise<void> {
    const d = this.d;
    for (let i = 0; i < source.total; ) {
      const lines: number[] = [];
      const texts: string[] = [];
      let chars = 0;
      while (i < source.total && lines.length < BATCH_RECORDS) {
        const record = source.record(i);
        if (lines.length && chars + record.text.length + 1 > BATCH_CHARS) break;
        lines.push(record.line);
        texts.push(record.text);
        chars += record.text.length + 1;
        i++;
      }
      let report: Report;
      try {
        report = await this.postBatch(texts.join('\n') + '\n', texts);
      } catch (error) {
        const reason = error instanceof ApiRequestError && error.status !== 429 ? error.message : this.errorMessage(error, d.notReadable);
        run.phase = 'failed';
        run.error = d.batchFailed(lines[0]!, lines.at(-1)!, reason);
        this.run = { ...run };
        this.status = d.imported(run.created, run.updated, run.rejected);
        return;
      }
      run.created += report.created;
      run.updated += report.updated;
      run.rejected += report.rejected;
      run.omitted += report.errorsOmitted;
      for (const rejection of report.errors) {
        // The API numbers the lines of the batch; the report numbers the file's.
        const line = lines[rejection.line - 1] ?? rejection.line;
        if (run.errors.length < MAX_LISTED) run.errors.push({ ...rejection, line });
        else run.omitted++;
      }
      run.sent += lines.length;
      this.run = { ...run, errors: [...run.errors] };
    }
    run.phase = 'done';
    this.run = { ...run };
    this.status = d.imported(run.created, run.updated, run.rejected);
    // The report is what the official reads next: focus goes there, not back to the button.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-heading')?.focus();
  }

  /**
   * One batch to `POST …/decisions/import` as NDJSON. A batch the API refuses whole because none
   * of its records could be stored (400 `nothing_imported`) is a report like any other: every
   * record rejected, each with its reasons.
   */
  protected async postBatch(body: string, texts: string[]): Promise<Report> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.client.url('decisions/import'), {
          method: 'POST',
          headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': NDJSON, Accept: 'application/json' },
          body,
          cache: 'no-store',
          signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
        });
      } catch (error) {
        // Not sent again: the batch may have been stored. Importing the file again is safe.
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        throw new NetworkError(timedOut ? 'The server took too long to answer.' : 'The server could not be reached.', timedOut);
      }
      if (response.ok) return (await response.json()) as Report;
      // Busy: nothing of the batch was stored, so it is sent again after a pause.
      if ((response.status === 429 || response.status === 503) && attempt < 4) {
        const after = Number(response.headers.get('Retry-After'));
        await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(after) && after > 0 ? after * 1000 : attempt * 2000, 30_000)));
        continue;
      }
      const error = await requestError(response);
      if (error.code !== 'nothing_imported') throw error;
      const byLine = new Map<number, Rejection>();
      for (const issue of error.issues) {
        const [line, ...path] = issue.path;
        if (typeof line !== 'number') continue;
        const entry = byLine.get(line) ?? { line, sourceId: sourceIdOf(texts[line - 1] ?? ''), issues: [] };
        entry.issues.push({ path, message: issue.message });
        byLine.set(line, entry);
      }
      return { created: 0, updated: 0, rejected: texts.length, errors: [...byLine.values()].sort((a, b) => a.line - b.line), errorsOmitted: Math.max(0, texts.length - byLine.size) };
    }
  }
}
