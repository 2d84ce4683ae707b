import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PollView } from '../../worker/schema/polls.ts';
import type { StatementView } from '../../worker/schema/statements.ts';
import { ApiRequestError, newIdempotencyKey } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { blankOption, budgetDraftOf, budgetMissing, budgetOut, optionDraftOf, optionOut, renderBudgetFields, renderProjectFields } from './admin-budget-fields.ts';
import type { BudgetDraft, FieldKit, OptionDraft } from './admin-budget-fields.ts';
import { AdminEditor, filled } from './admin-editor.ts';
import type { Texts } from './admin-editor.ts';
import { explainError, explainIssue, said, saidWithin } from './ui/errors.ts';
import type { Said, StatusMessage } from './ui/errors.ts';

type Kind = PollView['kind'];
type Visibility = PollView['resultsVisibility'];

interface Draft {
  id: string;
  kind: Kind;
  question: Texts;
  /** Every field an option has (a budget project's cost, area, image…), so an edit never drops one. */
  options: OptionDraft[];
  minChoices: number;
  maxChoices: number;
  scale: { min: number; max: number };
  budget: BudgetDraft;
  resultsVisibility: Visibility;
  allowChange: boolean;
  closesAt: string;
  status: 'draft' | 'open' | 'closed';
  /** The case (diary) number the poll informs; empty for none. */
  caseId: string;
}

const VISIBILITIES: Visibility[] = ['after_vote', 'always', 'after_close', 'never'];
/** The kinds the console makes (a kind the API knows besides is shown by its id, never offered). */
const KINDS = ['single', 'multiple', 'scale', 'ranked', 'budget', 'statements'] as const satisfies readonly Kind[];
const offered = (kind: Kind): kind is (typeof KINDS)[number] => (KINDS as readonly Kind[]).includes(kind);
/** Kinds whose ballot is several options, between minChoices and maxChoices. */
const CHOOSES_SEVERAL = (kind: Kind) => kind === 'multiple' || kind === 'ranked';
/** The longest statement the API takes (StatementInput in worker/schema/statements.ts), and the shortest. */
const STATEMENT_MAX = 280;
const STATEMENT_MIN = 5;

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
    options: poll?.options.map(optionDraftOf) ?? [blankOption('a'), blankOption('b')],
    minChoices: poll?.minChoices ?? 1,
    maxChoices: poll?.maxChoices ?? 2,
    scale: poll?.scale ?? { min: 1, max: 5 },
    budget: budgetDraftOf(poll?.budget),
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
  /** A saved conversation's published statements: its opening ones until the API's list arrives, then all of them. */
  @state() private statements: Pick<StatementView, 'id' | 'text' | 'lang'>[] = [];
  /** The statement being written for a saved conversation, and what became of the last one sent. */
  @state() private newStatement = '';
  /** Why the statement was not added: refused here before sending, or by the server (`sent`: said as "not added: …"). */
  @state() private statementError?: { reason: Said; sent: boolean };
  @state() private statementNote: StatusMessage = '';
  @state() private adding = false;
  /** The idempotency key of the statement last sent, kept while its text is unchanged: a retry adds it once. */
  #statementKey?: { text: string; key: string };

  override connectedCallback(): void {
    super.connectedCallback();
    // Imported when needed, never statically: the public poll chunk stays one request.
    void import('../poll/osallistu-poll.ts');
    this.draft = draftOf(this.poll);
    if (this.poll?.kind === 'statements') {
      const lang = this.languages[0] ?? 'fi';
      this.statements = this.poll.options.map((o, i) => ({ id: i + 1, text: o.label, lang }));
      void this.loadStatements(this.poll.id);
    }
  }

  /** A statement typed but not added is not lost without asking either. */
  override get hasUnsavedChanges(): boolean {
    return super.hasUnsavedChanges || Boolean(this.newStatement.trim());
  }

  /** The conversation's published statements, every one (the opening ones are shown until they arrive). */
  private async loadStatements(id: string): Promise<void> {
    try {
      this.statements = (await this.call<{ items: StatementView[] }>('GET', `polls/${encodeURIComponent(id)}/statements`)).items;
    } catch {
      // The opening statements stay shown; one added here is still listed when it is added.
    }
  }

  private change(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    this.dirty = true;
  }

  protected override missing(): string[] {
    const t = this.at.editor;
    const out: string[] = [];
    const d = this.draft;
    for (const lang of this.languages) {
      const name = this.languageName(lang);
      if (!d.question[lang]?.trim()) out.push(t.missingQuestion(name));
      if (d.kind === 'budget') out.push(...budgetMissing(d.options, d.budget, lang, name, this.at.pollKinds.budget));
      // A saved conversation's statements are no longer edited here.
      else if (d.kind === 'statements') {
        if (!this.poll) d.options.forEach((o, i) => !o.label[lang]?.trim() && out.push(this.at.statements.editor.missingStatement(i + 1, name)));
      }
      else if (d.kind !== 'scale') d.options.forEach((o, i) => !o.label[lang]?.trim() && out.push(t.missingOption(i + 1, name)));
    }
    return out;
  }

  /** The poll as the widget will show it: every option field, a budget's costs and areas. */
  private previewPoll(): PollView {
    const d = this.draft;
    const budget = d.kind === 'budget' ? budgetOut(d.budget) : undefined;
    const options = d.kind === 'scale' ? [] : d.options.map((o) => optionOut(o, d.kind === 'budget' ? d.budget : null));
    return {
      id: d.id || 'preview',
      site: this.siteId,
      kind: d.kind,
      question: filled(d.question),
      options,
      // As the API resolves them (choiceLimits in worker/poll-rules.ts).
      minChoices: CHOOSES_SEVERAL(d.kind) ? d.minChoices : 1,
      maxChoices: CHOOSES_SEVERAL(d.kind) ? d.maxChoices : d.kind === 'budget' ? Math.min(budget?.maxProjects ?? Infinity, options.length) : 1,
      ...(d.kind === 'scale' ? { scale: d.scale } : {}),
      ...(budget ? { budget } : {}),
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
      // A saved conversation's statements are added one by one (…/statements), never sent again.
      ...(p.kind === 'scale' ? { scale: p.scale } : p.kind === 'statements' && this.poll ? {} : { options: p.options }),
      ...(CHOOSES_SEVERAL(p.kind) ? { minChoices: p.minChoices, maxChoices: p.maxChoices } : {}),
      ...(p.budget ? { budget: p.budget } : {}),
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
              ${offered(d.kind) ? nothing : html`<option value=${d.kind} selected>${d.kind}</option>`}
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

  /** The editor's helpers, bound, for the budget's fields (admin-budget-fields.ts). */
  private kit(): FieldKit {
    return {
      languages: this.languages,
      language: this.language,
      at: this.at,
      languageName: (lang) => this.languageName(lang),
      issueFor: (path) => this.issueFor(path),
      invalid: (path, lang) => this.invalid(path, lang),
      describedBy: (hint, path, lang) => this.describedBy(hint, path, lang),
      labelList: (list) => this.renderLabelList(list),
    };
  }

  private renderChoices() {
    const t = this.at.editor;
    const d = this.draft;
    if (d.kind === 'statements') return this.poll ? this.renderConversation() : this.renderOpening();
    const budget = d.kind === 'budget';
    const kit = this.kit();
    const setOptions = (options: OptionDraft[]) => this.change({ options });
    return html`${budget ? renderBudgetFields(kit, d.budget, d.options, (b, options) => this.change({ budget: b, ...(options ? { options } : {}) })) : nothing}
      ${this.renderLabelList<OptionDraft>({
        id: budget ? 'project' : 'option',
        path: 'options',
        legend: budget ? this.at.pollKinds.budget.projects : t.options,
        items: d.options,
        label: (i, language) => (budget ? this.at.pollKinds.budget.project(i + 1, language) : t.option(i + 1, language)),
        remove: (i) => (budget ? this.at.pollKinds.budget.removeProject(i + 1) : t.removeOption(i + 1)),
        add: budget ? this.at.pollKinds.budget.addProject : t.addOption,
        min: 2,
        max: budget ? 200 : 30,
        fixed: Boolean(this.poll),
        reserved: [],
        make: (id) => blankOption(id, d.budget.hasAreas ? (d.budget.areas[0]?.key ?? '') : ''),
        set: setOptions,
        ...(budget ? { extra: (j: number) => renderProjectFields(kit, j, d.options, d.budget, setOptions) } : {}),
      })}
      ${CHOOSES_SEVERAL(d.kind) ? this.renderLimits() : nothing}`;
  }

  /** A new conversation's opening statements: none or up to 200, each in the site's languages. */
  private renderOpening() {
    const t = this.at.statements.editor;
    return this.renderLabelList<OptionDraft>({
      id: 'statement',
      path: 'options',
      legend: t.opening,
      help: t.openingHelp,
      items: this.draft.options,
      label: (i, language) => t.statement(i + 1, language),
      remove: (i) => t.removeOpening(i + 1),
      add: t.addOpening,
      min: 0,
      max: 200,
      reserved: [],
      make: (id) => blankOption(id),
      set: (options) => this.change({ options }),
    });
  }

  /**
   * A saved conversation's statements, read only (residents vote on them), and a field to add one
   * in the site's default language, published at once.
   */
  private renderConversation() {
    const t = this.at.statements.editor;
    const lang = this.languages[0] ?? 'fi';
    const length = this.newStatement.length;
    const describedBy = ['new-statement-help', 'new-statement-count', this.statementError ? 'new-statement-error' : ''].filter(Boolean).join(' ');
    return html`<fieldset class="field conversation">
      <legend>${t.list}</legend>
      <p class="hint">${t.listHelp}</p>
      ${this.statements.length
        ? html`<ol class="statements">
            ${this.statements.map((s) => {
              const text = localized(s.text, lang, this.languages);
              return html`<li data-statement=${s.id} lang=${text.lang}>${text.text}</li>`;
            })}
          </ol>`
        : html`<p>${t.none}</p>`}
      <div class="field">
        <label for="new-statement">${t.add(this.languageName(lang))}</label>
        <p class="hint" id="new-statement-help">${t.addHelp}</p>
        <textarea
          id="new-statement"
          lang=${lang}
          rows="3"
          maxlength=${STATEMENT_MAX}
          aria-invalid=${this.statementError ? 'true' : nothing}
          aria-describedby=${describedBy}
          .value=${this.newStatement}
          @input=${(e: Event) => {
            this.newStatement = (e.target as HTMLTextAreaElement).value;
            this.statementError = undefined;
          }}
        ></textarea>
        <p class="hint" id="new-statement-count">${t.count(length, STATEMENT_MAX)}</p>
        ${this.statementError
          ? html`<p class="error" id="new-statement-error">${this.statementError.sent ? saidWithin(t.notAdded, this.statementError.reason) : said(this.statementError.reason)}</p>`
          : nothing}
      </div>
      <p><button part="button" type="button" class="secondary" id="add-statement" aria-disabled=${this.adding ? 'true' : 'false'} @click=${() => void this.addStatement()}>${this.adding ? t.adding : t.addButton}</button></p>
      <p class="meta" role="status" id="statement-status">${said(this.statementNote)}</p>
    </fieldset>`;
  }

  /** Adds the statement written to the saved conversation: published at once, listed, and said so; focus stays in the field for the next. */
  private async addStatement(): Promise<void> {
    if (this.adding || !this.poll) return;
    const t = this.at.statements.editor;
    const text = this.newStatement.trim();
    const lang = this.languages[0] ?? 'fi';
    this.statementNote = '';
    const field = () => this.renderRoot.querySelector<HTMLElement>('#new-statement');
    if (text.length < STATEMENT_MIN) {
      this.statementError = { reason: { text: t.tooShort }, sent: false };
      await this.updateComplete;
      field()?.focus();
      return;
    }
    if (this.#statementKey?.text !== text) this.#statementKey = { text, key: newIdempotencyKey() };
    this.adding = true;
    this.statementError = undefined;
    try {
      const saved = await this.client.request<StatementView>('POST', `polls/${encodeURIComponent(this.poll.id)}/statements`, { text, lang }, {
        headers: { Authorization: `Bearer ${this.token}` },
        idempotencyKey: this.#statementKey.key,
        cache: 'no-store',
      });
      this.#statementKey = undefined;
      this.statements = [...this.statements.filter((s) => s.id !== saved.id), saved];
      this.newStatement = '';
      this.statementNote = t.added(saved.id);
    } catch (error) {
      const issue = error instanceof ApiRequestError ? error.issues[0] : undefined;
      const reason = issue ? explainIssue(issue, this.at.ui.errors, (l) => this.languageName(l as Lang), false) : explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
      this.statementError = { reason, sent: true };
      await this.updateComplete;
      field()?.focus();
    } finally {
      this.adding = false;
    }
  }

  /** How many options a ballot chooses (multiple) or ranks (ranked). */
  private renderLimits() {
    const t = this.at.editor;
    const d = this.draft;
    const ranked = d.kind === 'ranked';
    const number = (id: string, label: string, value: number, set: (n: number) => void, path: string) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type="number" min="1" max="30" .value=${String(value)} aria-invalid=${this.invalid(path)} aria-describedby=${this.describedBy(ranked ? 'ranked-help' : undefined, path)} @input=${(e: Event) => set(Number((e.target as HTMLInputElement).value))} />
      </div>`;
    const min = number('min', ranked ? this.at.pollKinds.ranked.atLeast : t.minChoices, d.minChoices, (minChoices) => this.change({ minChoices }), 'minChoices');
    const max = number('max', ranked ? this.at.pollKinds.ranked.atMost : t.maxChoices, d.maxChoices, (maxChoices) => this.change({ maxChoices }), 'maxChoices');
    return html`${ranked ? html`<p class="hint" id="ranked-help">${this.at.pollKinds.ranked.help}</p>` : nothing}
      <div class="actions">${ranked ? html`${max}${min}` : html`${min}${max}`}</div>
      ${this.issueFor('minChoices')} ${this.issueFor('maxChoices')}`;
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
