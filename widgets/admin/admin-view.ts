import { css } from 'lit';
import { property } from 'lit/decorators.js';
import type { Official } from '../../worker/schema/sites.ts';
import { OsallistuElement } from '../core/base-element.ts';
import { Catalog } from '../core/i18n.ts';
import type { AdminMessages } from './locales/messages.ts';
import { uiStyles } from './ui/styles.ts';

/** The console's strings, one chunk per language; the public loader never loads them. */
export const adminMessages = new Catalog<AdminMessages>({
  fi: () => import('./locales/fi.ts').then((m) => m.fi),
  sv: () => import('./locales/sv.ts').then((m) => m.sv),
  en: () => import('./locales/en.ts').then((m) => m.en),
});

const adminStyles = css`
  :host {
    max-width: 64rem;
  }
  h2,
  h3 {
    margin: 0 0 0.75rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    margin: 0 0 1rem;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding: 0 0 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_border);
    overflow-wrap: break-word;
  }
  td button {
    white-space: nowrap;
  }
  .scroll {
    overflow-x: auto;
  }
  label {
    display: block;
    font-weight: 700;
  }
  select {
    max-inline-size: 100%;
    font: inherit;
    padding: 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.35rem;
    background: var(--osallistu-input-background, #ffffff);
    color: inherit;
  }
  .field {
    margin: 0 0 1rem;
  }
  .confirm {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 1rem;
  }
  .panel {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 1rem;
  }
  .confirm p {
    margin: 0 0 0.75rem;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
  }
  .account p {
    margin: 0;
  }
  .tabs {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0 0 1.5rem;
    padding: 0;
    border-block-end: 2px solid var(--_border);
  }
  .tabs a {
    display: inline-block;
    padding: 0.5rem 0;
    color: var(--_accent);
    font-weight: 700;
    text-decoration: none;
  }
  .tabs a[aria-current='page'] {
    text-decoration: underline;
    text-decoration-thickness: 3px;
    text-underline-offset: 0.4em;
  }
  .sign-in {
    max-width: 28rem;
  }
  .filters {
    align-items: flex-end;
    margin: 0 0 1rem;
  }
  /* The button lines up with the fields' boxes, not with the space under them. */
  .filters .field {
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  .filters .field,
  .filters select,
  .filters input {
    margin-block-end: 0;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: break-word;
  }
  .chart {
    display: grid;
    gap: 0.35rem;
    margin: 0 0 1rem;
  }
  .bar-row {
    display: grid;
    grid-template-columns: minmax(6rem, 14rem) 1fr 4rem;
    gap: 0.75rem;
    align-items: center;
  }
  .bar,
  .spark {
    display: block;
    block-size: 1.1rem;
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .bar > span,
  .spark > span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .spark {
    min-inline-size: 8rem;
  }
  textarea.code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    resize: vertical;
  }
  ol.audit {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  ol.audit li {
    padding: 0.5rem 0;
    border-block-end: 1px solid var(--_border);
  }
  .preview {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .editor-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: 1.5rem;
  }
  /* The previews stay in view beside a long form. */
  .previews {
    align-self: start;
    position: sticky;
    inset-block-start: 0;
    max-block-size: 100vh;
    overflow-y: auto;
  }
  fieldset.form-field {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 1rem;
  }
  .option-row {
    border-block-end: 1px solid var(--_border);
    padding-block: 0.5rem;
    margin: 0 0 0.5rem;
  }
  legend {
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  .notice-box {
    border-inline-start: 4px solid var(--_error);
    padding: 0.25rem 0.75rem;
    margin: 0 0 1rem;
  }
  code.secret {
    display: block;
    padding: 0.5rem;
    margin: 0 0 0.5rem;
    border: 1px dashed var(--_border);
    overflow-wrap: anywhere;
  }
`;

/**
 * What every console view shares: the signed-in official's token, sent as a bearer header on
 * each request (never in a URL), and the console's strings.
 */
export class AdminView extends OsallistuElement {
  static override styles = [...OsallistuElement.styles, adminStyles, uiStyles];
  static override catalogs = [...OsallistuElement.catalogs, adminMessages];
  /** Keeps nothing on the device itself. */
  static override remembers = false;

  @property({ attribute: false }) token = '';
  @property({ attribute: false }) official?: Official;

  /** Whether leaving now would lose edits: a view with a form says so, and the console and the browser ask first. */
  get hasUnsavedChanges(): boolean {
    return false;
  }

  /** Unsaved edits are not lost to a closed tab or a reload without the browser asking. */
  readonly #guard = (event: BeforeUnloadEvent) => {
    if (this.hasUnsavedChanges) event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#guard);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#guard);
  }

  protected get at(): AdminMessages {
    return adminMessages.get(this.language);
  }

  protected call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.client.request<T>(method, path, body, { headers: { Authorization: `Bearer ${this.token}` }, cache: 'no-store' });
  }

  /**
   * Downloads what `path` answers as a file, with the token in a header, reporting the bytes as
   * they arrive; the page stays usable while it streams.
   */
  protected async download(path: string, progress: (bytes: number) => void): Promise<string> {
    const response = await fetch(this.client.url(path), { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const parts: Uint8Array[] = [];
    let bytes = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      progress(bytes);
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'export';
    const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  }
}
