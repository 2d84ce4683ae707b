import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { z } from '@hono/zod-openapi';
import type { ErrorIssue } from '../../../worker/errors.ts';
import { roleAllows } from '../../../worker/schema/roles.ts';
import type { VideoSummaryView, VideoView } from '../../../worker/schema/videos.ts';
import { ApiRequestError } from '../../core/api-client.ts';
import { Catalog, LANGS, localized } from '../../core/i18n.ts';
import type { Lang } from '../../locales/messages.ts';
import { AdminView } from '../admin-view.ts';
import type { AdminVideoMessages } from '../locales/videos/messages.ts';
import type { Said, StatusMessage } from '../ui/errors.ts';
import { explainError } from '../ui/errors.ts';

export type Summary = z.infer<typeof VideoSummaryView>;
export type Video = z.infer<typeof VideoView>;
export type Provider = Video['provider'];
export type Texts = Partial<Record<Lang, string>>;

/** The video view's strings, one chunk per language, loaded only with the view. */
export const adminVideoMessages = new Catalog<AdminVideoMessages>({
  fi: () => import('../locales/videos/fi.ts').then((m) => m.fi),
  sv: () => import('../locales/videos/sv.ts').then((m) => m.sv),
  en: () => import('../locales/videos/en.ts').then((m) => m.en),
});

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A message at a field: the console's own words, or the server's (in English). */
export interface Message {
  text: string;
  lang?: Lang;
}
export type Errors = Record<string, Message>;
export type Scope = 'add' | 'edit';

/**
 * What the parts of the videos view share (adding, the media, the editor and the list each add
 * theirs on top): the list's items and filter, the status line, a labelled field with its error,
 * the server's errors put at their fields, and the question before unsaved changes are dropped.
 */
export abstract class VideosBase extends AdminView {
  static override catalogs = [...AdminView.catalogs, adminVideoMessages];

  @state() protected langs: Lang[] = [...LANGS];
  @state() protected items?: Summary[];
  @state() protected filter = { channel: '', status: '' };
  @state() protected status: StatusMessage = '';
  @state() protected busy = false;
  @state() protected video?: Video;
  /** Saves and uploads in the editor are said here, next to them. */
  @state() protected note: Said | string = '';
  @state() protected errors: Record<Scope, Errors> = { add: {}, edit: {} };
  @state() protected general: Record<Scope, Message | undefined> = { add: undefined, edit: undefined };
  /** Asking before unsaved changes are dropped: what to do then, and where focus goes back otherwise. */
  @state() protected leaving?: { run: () => unknown; back: string };

  /** Puts the video, as just created or fetched, into the editor. */
  protected abstract showVideo(video: Video): Promise<void>;
  /** Closes the editor without asking (the caller has). */
  protected abstract closeEditorNow(): void;
  protected abstract fetchPage(more: boolean): Promise<void>;
  /** Forgets what was typed in the forms, when the editor has agreed to drop it. */
  protected abstract dropChanges(): void;

  protected get vt(): AdminVideoMessages {
    return adminVideoMessages.get(this.language);
  }

  protected get canEdit(): boolean {
    return !this.official || roleAllows(this.official.role, 'editor');
  }


  protected async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected titleOf(item: Pick<Summary, 'title' | 'languages'>) {
    return localized(item.title, this.language, item.languages);
  }

  protected statusOf(item: Pick<Summary, 'status' | 'publishedAt'>): 'draft' | 'published' | 'scheduled' {
    if (item.status === 'draft') return 'draft';
    return Date.parse(item.publishedAt) > Date.now() ? 'scheduled' : 'published';
  }

  protected renderLeaving() {
    const t = this.vt;
    return html`<div class="confirm" role="alertdialog" aria-labelledby="discard-text" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.stay()}>
      <p id="discard-text" tabindex="-1">${t.confirmDiscard}</p>
      <div class="actions">
        <button part="button" class="danger" id="discard" @click=${() => void this.discard()}>${t.discard}</button>
        <button part="button" class="secondary" id="keep-editing" @click=${() => void this.stay()}>${t.keepEditing}</button>
      </div>
    </div>`;
  }

  /** A labelled text field with its hint and its error, both read with it. */
  protected field(
    scope: Scope,
    key: string,
    label: string,
    value: string,
    set: (value: string) => void,
    options: { hint?: string; lang?: Lang; rows?: number; type?: string; required?: boolean; list?: string; maxlength?: number; inputmode?: string } = {},
  ) {
    const id = `${scope}-${key.replaceAll('.', '-')}`;
    const error = this.errors[scope][key];
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const onInput = (event: Event) => {
      set((event.target as HTMLInputElement).value);
      if (error) this.clearError(scope, key);
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${options.rows
        ? html`<textarea
            id=${id}
            rows=${options.rows}
            lang=${options.lang ?? nothing}
            maxlength=${options.maxlength ?? nothing}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${value}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${options.type ?? 'text'}
            lang=${options.lang ?? nothing}
            list=${options.list ?? nothing}
            inputmode=${options.inputmode ?? nothing}
            maxlength=${options.maxlength ?? nothing}
            autocomplete="off"
            ?required=${options.required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .value=${value}
            @input=${onInput}
          />`}
      ${error ? html`<p class="error" id=${`${id}-error`}><span lang=${error.lang ?? nothing}>${error.text}</span></p>` : nothing}
    </div>`;
  }

  protected generalError(scope: Scope) {
    const message = this.general[scope];
    return html`<div role="alert">${message ? html`<p class="error" id=${`${scope}-error`} tabindex="-1" lang=${message.lang ?? nothing}>${message.text}</p>` : nothing}</div>`;
  }

  // ---- Leaving with unsaved changes -----------------------------------------------------------

  /** Runs `run` at once, or, with unsaved changes, after the editor has agreed to drop them. */
  protected leave(run: () => unknown, back: string): void {
    if (!this.hasUnsavedChanges) {
      void run();
      return;
    }
    this.leaving = { run, back };
    void this.focusOn('#discard-text');
  }

  protected async discard(): Promise<void> {
    const leaving = this.leaving;
    this.leaving = undefined;
    this.dropChanges();
    await leaving?.run();
  }

  protected async stay(): Promise<void> {
    const back = this.leaving?.back;
    this.leaving = undefined;
    if (back) await this.focusOn(back);
  }

  // ---- Errors ---------------------------------------------------------------------------------

  protected clearError(scope: Scope, key: string): void {
    const { [key]: _gone, ...rest } = this.errors[scope];
    this.errors = { ...this.errors, [scope]: rest };
  }

  /** Shows the errors at their fields and moves focus to the first one (or to the message above the buttons). */
  protected async showErrors(scope: Scope, errors: Errors, general?: Message): Promise<void> {
    this.errors = { ...this.errors, [scope]: errors };
    this.general = { ...this.general, [scope]: general };
    await this.updateComplete;
    const form = this.renderRoot.querySelector(scope === 'add' ? 'section.adding form' : 'section.editor form');
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>(`#${scope}-error`))?.focus();
  }

  /** A field's key for an issue's path: the field itself, the nearest one holding it, or the first inside it. */
  protected keyFor(scope: Scope, path: (string | number)[]): string | undefined {
    // Only fields that can show an error count; an issue elsewhere is said above the buttons.
    const ids = [...this.renderRoot.querySelectorAll<HTMLElement>(`[id^="${scope}-"][aria-invalid]`)].map((el) => el.id.slice(scope.length + 1));
    for (let n = path.length; n > 0; n--) {
      const key = path.slice(0, n).join('.');
      if (ids.includes(key.replaceAll('.', '-'))) return key;
    }
    const prefix = `${path.join('-')}-`;
    const inside = ids.find((id) => id.startsWith(prefix));
    return inside && path.length ? [...path.map(String), ...inside.slice(prefix.length).split('-')].join('.') : undefined;
  }

  protected issueMessage(issue: ErrorIssue, provider: Provider): Message {
    const t = this.vt;
    switch (issue.code) {
      case 'invalid_video_ref':
        return { text: t.refHelp[provider] };
      case 'invalid_host':
        return { text: t.hostHelp };
      case 'chapters_out_of_order':
        return { text: t.chapterOrder };
      case 'chapter_after_end':
        return { text: t.chapterAfterEnd };
      default:
        return { text: issue.message, lang: 'en' };
    }
  }

  protected async showRequestError(scope: Scope, error: unknown, provider: Provider, fallback: string): Promise<void> {
    const errors: Errors = {};
    let general: Message | undefined;
    if (error instanceof ApiRequestError && error.issues.length) {
      const loose: string[] = [];
      for (const issue of error.issues) {
        const key = this.keyFor(scope, issue.path);
        if (key && !errors[key]) errors[key] = this.issueMessage(issue, provider);
        else if (!key) loose.push(issue.message);
      }
      general = loose.length ? { text: `${fallback} ${loose.join(' ')}` } : { text: fallback };
    } else if (error instanceof ApiRequestError && error.code === 'video_exists') {
      general = { text: this.vt.exists };
    } else if (error instanceof ApiRequestError && error.status !== 429) {
      general = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    } else {
      general = { text: this.errorMessage(error, this.at.loadFailed) };
    }
    await this.showErrors(scope, errors, general);
  }
}
