import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PollView } from '../../worker/schema/polls.ts';
import { defineElement } from '../core/define.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminEditor, filled } from './admin-editor.ts';
import type { Texts } from './admin-editor.ts';

type Kind = PollView['kind'];
type Visibility = PollView['resultsVisibility'];

interface Draft {
  id: string;
  kind: Kind;
  question: Texts;
  options: { id: string; label: Texts }[];
  minChoices: number;
  maxChoices: number;
  scale: { min: number; max: number };
  resultsVisibility: Visibility;
  allowChange: boolean;
  closesAt: string;
  status: 'draft' | 'open' | 'closed';
  /** The case (diary) number the poll informs; empty for none. */
  caseId: string;
}

const VISIBILITIES: Visibility[] = ['after_vote', 'always', 'after_close', 'never'];
const KINDS: Kind[] = ['single', 'multiple', 'scale'];

/** "2026-12-31T21:59:00.000Z" ⇄ the value of a datetime-local input in Finnish time. */
const toLocalInput = (iso: string | null): string => {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};
const fromLocalInput = (value: string): string | null => {
  if (!value) return null;
  // Finnish time is UTC+2 or +3: try both and keep the one that reads back the same.
  for (const offset of ['+02:00', '+03:00']) {
    const iso = new Date(`${value}:00${offset}`).toISOString();
    if (toLocalInput(iso) === value) return iso;
  }
  return new Date(`${value}:00+02:00`).toISOString();
};

function draftOf(poll?: PollView): Draft {
  return {
    id: poll?.id ?? '',
    kind: poll?.kind ?? 'single',
    question: { ...(poll?.question ?? {}) },
    options: poll?.options.map((o) => ({ id: o.id, label: { ...o.label } })) ?? [
      { id: 'a', label: {} },
      { id: 'b', label: {} },
    ],
    minChoices: poll?.minChoices ?? 1,
    maxChoices: poll?.maxChoices ?? 2,
    scale: poll?.scale ?? { min: 1, max: 5 },
    resultsVisibility: poll?.resultsVisibility ?? 'after_vote',
    allowChange: poll?.allowChange ?? false,
    closesAt: toLocalInput(poll?.closesAt ?? null),
    status: poll?.status ?? 'draft',
    caseId: poll?.caseId ?? '',
  };
}

/**
 * Creates or edits a poll, with the widget itself beside the form in each of the site's
 * languages as residents will see it, and a check that warns before publishing a poll with
 * texts missing in a language. Unsaved changes are not lost to a reload or a cancel.
 */
export class OsallistuAdminPollEditor extends AdminEditor<PollView> {
  /** The poll to edit; none for a new one. */
  @property({ attribute: false }) poll?: PollView;

  @state() private draft: Draft = draftOf();

  override connectedCallback(): void {
    super.connectedCallback();
    // Imported when needed, never statically: the public poll chunk stays one request.
    void import('../poll/osallistu-poll.ts');
    this.draft = draftOf(this.poll);
  }

  private change(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
  }

  protected override missing(): string[] {
    const t = this.at.editor;
    const out: string[] = [];
    for (const lang of this.languages) {
      const name = this.languageName(lang);
      if (!this.draft.question[lang]?.trim()) out.push(t.missingQuestion(name));
      if (this.draft.kind !== 'scale') this.draft.options.forEach((o, i) => !o.label[lang]?.trim() && out.push(t.missingOption(i + 1, name)));
    }
    return out;
  }

  /** The poll as the widget will show it. */
  private previewPoll(): PollView {
    const d = this.draft;
    return {
      id: d.id || 'preview',
      site: this.siteId,
      kind: d.kind,
      question: filled(d.question),
      options: d.kind === 'scale' ? [] : d.options.map((o) => ({ id: o.id, label: filled(o.label) })),
      minChoices: d.kind === 'multiple' ? d.minChoices : 1,
      maxChoices: d.kind === 'multiple' ? d.maxChoices : 1,
      ...(d.kind === 'scale' ? { scale: d.scale } : {}),
      resultsVisibility: d.resultsVisibility,
      voterMode: 'anonymous',
      allowChange: d.allowChange,
      opensAt: null,
      closesAt: fromLocalInput(d.closesAt),
      status: 'open',
      state: 'open',
      caseId: null,
      languages: this.languages,
    };
  }

  private body(): Record<string, unknown> {
    const p = this.previewPoll();
    return {
      ...(this.poll ? {} : this.draft.id ? { id: this.draft.id } : {}),
      kind: p.kind,
      question: p.question,
      ...(p.kind === 'scale' ? { scale: p.scale } : { options: p.options }),
      ...(p.kind === 'multiple' ? { minChoices: p.minChoices, maxChoices: p.maxChoices } : {}),
      resultsVisibility: p.resultsVisibility,
      allowChange: p.allowChange,
      closesAt: p.closesAt,
      status: this.draft.status,
      // Emptied, it is unlinked (null), on an edit too.
      caseId: this.draft.caseId.trim() || null,
    };
  }

  override render() {
    const t = this.at.editor;
    const d = this.draft;
    return html`<section class="panel editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${this.poll ? t.editHeading(this.poll.id) : t.newHeading}</h3>
      <div class="editor-grid">
        <form @submit=${this.submit} novalidate>
          ${this.poll ? nothing : this.renderIdField('poll-id', t.idHelp, d.id, (id) => this.change({ id }))}
          <div class="field">
            <label for="kind">${t.kind}</label>
            <select id="kind" ?disabled=${Boolean(this.poll)} @change=${(e: Event) => this.change({ kind: (e.target as HTMLSelectElement).value as Kind })}>
              ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === d.kind}>${t.kinds[kind]}</option>`)}
            </select>
          </div>
          ${this.languages.map(
            (lang) => html`<div class="field">
              <label for=${`question-${lang}`}>${t.question(this.languageName(lang))}</label>
              <input id=${`question-${lang}`} lang=${lang} aria-invalid=${this.invalid('question', lang)} aria-describedby=${this.describedBy(undefined, 'question', lang)} .value=${d.question[lang] ?? ''} maxlength="300" @input=${(e: Event) => this.change({ question: { ...d.question, [lang]: (e.target as HTMLInputElement).value } })} />
            </div>`,
          )}
          ${this.issueFor('question')}
          ${d.kind === 'scale'
            ? html`<div class="actions">
                <div class="field"><label for="scale-min">${t.scaleMin}</label><input id="scale-min" type="number" .value=${String(d.scale.min)} @input=${(e: Event) => this.change({ scale: { ...d.scale, min: Number((e.target as HTMLInputElement).value) } })} /></div>
                <div class="field"><label for="scale-max">${t.scaleMax}</label><input id="scale-max" type="number" .value=${String(d.scale.max)} @input=${(e: Event) => this.change({ scale: { ...d.scale, max: Number((e.target as HTMLInputElement).value) } })} /></div>
              </div>
              ${this.issueFor('scale')}`
            : this.renderChoices()}
          <div class="field">
            <label for="visibility">${t.visibility}</label>
            <select id="visibility" @change=${(e: Event) => this.change({ resultsVisibility: (e.target as HTMLSelectElement).value as Visibility })}>
              ${VISIBILITIES.map((v) => html`<option value=${v} ?selected=${v === d.resultsVisibility}>${t.visibilities[v]}</option>`)}
            </select>
          </div>
          <label class="option field"><input type="checkbox" .checked=${d.allowChange} @change=${(e: Event) => this.change({ allowChange: (e.target as HTMLInputElement).checked })} /> ${t.allowChange}</label>
          <div class="field">
            <label for="closes">${t.closesAt}</label>
            <p class="hint" id="closes-help">${t.closesHelp}</p>
            <input id="closes" type="datetime-local" .value=${d.closesAt} aria-invalid=${this.invalid('closesAt')} aria-describedby=${this.describedBy('closes-help', 'closesAt')} @input=${(e: Event) => this.change({ closesAt: (e.target as HTMLInputElement).value })} />
            ${this.issueFor('closesAt')}
          </div>
          ${this.renderCaseIdField(d.caseId, t.caseIdHelp, (caseId) => this.change({ caseId }))}
          <div class="field">
            <label for="poll-status">${t.status}</label>
            <select id="poll-status" @change=${(e: Event) => this.change({ status: (e.target as HTMLSelectElement).value as Draft['status'] })}>
              ${(['draft', 'open', 'closed'] as const).map((s) => html`<option value=${s} ?selected=${s === d.status}>${this.at.polls.statuses[s]}</option>`)}
            </select>
          </div>
          ${this.renderFooter()}
        </form>
        ${this.renderPreviews(
          t.previewHelp,
          () => html`<osallistu-poll .preview=${this.previewPoll()} site=${this.siteId} api=${this.client.apiBase} heading-level="5"></osallistu-poll>`,
        )}
      </div>
    </section>`;
  }

  private renderChoices() {
    const t = this.at.editor;
    const d = this.draft;
    return html`${this.renderLabelList({
        id: 'option',
        path: 'options',
        legend: t.options,
        items: d.options,
        label: (i, language) => t.option(i + 1, language),
        remove: (i) => t.removeOption(i + 1),
        add: t.addOption,
        min: 2,
        max: 30,
        fixed: Boolean(this.poll),
        reserved: [],
        set: (options) => this.change({ options }),
      })}
      ${d.kind === 'multiple'
        ? html`<div class="actions">
              <div class="field"><label for="min">${t.minChoices}</label><input id="min" type="number" min="1" .value=${String(d.minChoices)} @input=${(e: Event) => this.change({ minChoices: Number((e.target as HTMLInputElement).value) })} /></div>
              <div class="field"><label for="max">${t.maxChoices}</label><input id="max" type="number" min="1" .value=${String(d.maxChoices)} @input=${(e: Event) => this.change({ maxChoices: Number((e.target as HTMLInputElement).value) })} /></div>
            </div>
            ${this.issueFor('minChoices')} ${this.issueFor('maxChoices')}`
        : nothing}`;
  }

  protected override publishing(): boolean {
    return this.draft.status === 'open';
  }

  protected override persist(): Promise<PollView> {
    return this.poll ? this.call<PollView>('PATCH', `polls/${encodeURIComponent(this.poll.id)}`, this.body()) : this.call<PollView>('POST', 'polls', this.body());
  }
}

defineElement('osallistu-admin-poll-editor', OsallistuAdminPollEditor);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-poll-editor': OsallistuAdminPollEditor;
  }
}
