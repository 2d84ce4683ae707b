import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../core/define.ts';
import { localized } from '../core/i18n.ts';
import type { Lang } from '../locales/messages.ts';
import { AdminView } from './admin-view.ts';
import { explainError, said } from './ui/errors.ts';
import type { Said } from './ui/errors.ts';

type Kind = 'poll' | 'feedback' | 'decisions' | 'video' | 'video-blog';
const KINDS: Kind[] = ['poll', 'feedback', 'decisions', 'video', 'video-blog'];
interface Item {
  id: string;
  name: string;
}
type Named = { id: string; languages?: Lang[] } & Record<string, unknown>;

/**
 * The element and attribute each kind is pasted as, and its module for the preview (imported here,
 * not through the loader's registry, so that the loader shares no chunk with the console).
 */
const ELEMENT: Record<Kind, { tag: string; attribute?: string; load: () => Promise<unknown> }> = {
  poll: { tag: 'osallistu-poll', attribute: 'poll', load: () => import('../poll/osallistu-poll.ts') },
  feedback: { tag: 'osallistu-feedback', attribute: 'form', load: () => import('../feedback/osallistu-feedback.ts') },
  decisions: { tag: 'osallistu-decisions', load: () => import('../decisions/osallistu-decisions.ts') },
  video: { tag: 'osallistu-video', attribute: 'video', load: () => import('../video/osallistu-video.ts') },
  'video-blog': { tag: 'osallistu-video-blog', attribute: 'channel', load: () => import('../video/osallistu-video-blog.ts') },
};

/**
 * The exact code a web editor pastes for any widget (script tag and element, with a link for
 * browsers that do not run it), the frame address for CMSs that strip scripts, a copy button,
 * and the widget itself below as residents will see it.
 */
export class OsallistuAdminSnippets extends AdminView {
  @state() private kind: Kind = 'poll';
  @state() private items?: Item[];
  @state() private chosen = '';
  @state() private status: Said | string = '';

  protected override resourceId(): string {
    return this.token && `snippets|${this.kind}`;
  }

  protected override async fetchResource(): Promise<void> {
    this.items = undefined;
    const text = (map: unknown, languages?: Lang[]) => localized(map as Partial<Record<Lang, string>>, this.language, languages).text;
    try {
      if (this.kind === 'decisions') this.items = [{ id: 'all', name: this.at.snippets.kinds.decisions }];
      else if (this.kind === 'poll') this.items = (await this.call<{ items: Named[] }>('GET', 'polls')).items.map((p) => ({ id: p.id, name: text(p.question, p.languages) }));
      else if (this.kind === 'feedback') this.items = (await this.call<{ items: Named[] }>('GET', 'forms')).items.map((f) => ({ id: f.id, name: text(f.title, f.languages) }));
      else {
        const videos = (await this.call<{ items: Named[] }>('GET', 'videos?limit=100')).items;
        this.items =
          this.kind === 'video'
            ? videos.map((v) => ({ id: v.id, name: text(v.title, v.languages) }))
            : [...new Set(videos.map((v) => String(v.channel)))].map((channel) => ({ id: channel, name: channel }));
      }
      this.chosen = this.items[0]?.id ?? '';
      void this.preview();
    } catch (error) {
      this.items = [];
      this.status = explainError(error, this.at.ui.errors, this.errorMessage(error, this.at.loadFailed));
    }
  }

  private get origin(): string {
    return new URL(this.client.url(''), location.href).origin;
  }

  private code(): { snippet: string; frame: string } {
    const { tag, attribute } = ELEMENT[this.kind];
    const site = this.siteId;
    const frame = `${this.origin}/embed/v1/frame/${this.kind}/${encodeURIComponent(this.chosen)}?site=${site}`;
    const attributes = attribute ? ` ${attribute}="${this.chosen}"` : ' search filters';
    const snippet = `<script type="module" src="${this.origin}/embed/v1/osallistu.js" data-site="${site}"></script>
<${tag}${attributes}>
  <a href="${frame}">${this.at.snippets.fallback[this.kind]}</a>
</${tag}>`;
    return { snippet, frame };
  }

  override render() {
    const t = this.at.snippets;
    const code = this.chosen ? this.code() : null;
    return html`<h2>${t.heading}</h2>
      <p>${t.intro}</p>
      <div class="actions filters">
        <div class="field">
          <label for="kind">${t.kind}</label>
          <select id="kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as Kind)}>
            ${KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${t.kinds[kind]}</option>`)}
          </select>
        </div>
        ${this.kind === 'decisions'
          ? nothing
          : html`<div class="field">
              <label for="item">${t.item}</label>
              <select id="item" ?disabled=${!this.items?.length} @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
                ${(this.items ?? []).map((item) => html`<option value=${item.id} ?selected=${item.id === this.chosen}>${item.name} (${item.id})</option>`)}
              </select>
            </div>`}
      </div>
      <p class="meta" role="status">${said(this.status)}</p>
      ${!this.items
        ? html`<p class="meta">${this.at.loading}</p>`
        : !code
          ? html`<p>${t.none}</p>`
          : html`<div class="field">
                <h3><label for="code">${t.code}</label></h3>
                <p class="hint" id="code-help">${t.codeHelp}</p>
                <textarea id="code" class="code" readonly rows="5" spellcheck="false" aria-describedby="code-help" .value=${code.snippet}></textarea>
                <button part="button" class="secondary" aria-label=${`${t.copy}: ${t.code}`} @click=${() => void this.copy(code.snippet)}>${t.copy}</button>
              </div>
              <div class="field">
                <h3><label for="frame">${t.frame}</label></h3>
                <p class="hint" id="frame-help">${t.frameHelp}</p>
                <textarea id="frame" class="code" readonly rows="2" spellcheck="false" aria-describedby="frame-help" .value=${code.frame}></textarea>
                <button part="button" class="secondary" aria-label=${`${t.copy}: ${t.frame}`} @click=${() => void this.copy(code.frame)}>${t.copy}</button>
              </div>
              <h3>${t.preview}</h3>
              <div class="preview">${this.renderPreview()}</div>`}`;
  }

  /** The widget itself, as the snippet makes it (its module is imported for it). */
  #preview?: { key: string; element: HTMLElement };

  private renderPreview() {
    const { tag, attribute } = ELEMENT[this.kind];
    const key = `${this.kind}|${this.chosen}`;
    if (this.#preview?.key === key) return this.#preview.element;
    const element = document.createElement(tag);
    this.#preview = { key, element };
    element.setAttribute('site', this.siteId);
    element.setAttribute('api', this.client.apiBase);
    element.setAttribute('heading-level', '4');
    if (attribute) element.setAttribute(attribute, this.chosen);
    else element.setAttribute('limit', '3');
    return element;
  }

  private choose(id: string): void {
    this.chosen = id;
    void this.preview();
  }

  private async preview(): Promise<void> {
    await ELEMENT[this.kind].load();
  }

  private async copy(text: string): Promise<void> {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    this.status = this.at.snippets.copied;
  }
}

defineElement('osallistu-admin-snippets', OsallistuAdminSnippets);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin-snippets': OsallistuAdminSnippets;
  }
}
