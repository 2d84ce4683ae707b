import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Official } from '../../worker/schema/sites.ts';
import { roleAllows } from '../../worker/schema/roles.ts';
import type { Role } from '../../worker/schema/roles.ts';
import { ApiClient, ApiRequestError } from '../core/api-client.ts';
import { defineElement } from '../core/define.ts';
import { AdminView } from './admin-view.ts';
import { withContent } from './ui/content-lang.ts';
import './admin-audit.ts';
import './admin-cases.ts';
import './decisions/osallistu-admin-decisions.ts';
import './admin-feedback.ts';
import './admin-forms.ts';
import './admin-listening.ts';
import './admin-polls.ts';
import './admin-settings.ts';
import './admin-snippets.ts';
import './admin-statements.ts';
import './videos/osallistu-admin-videos.ts';
import './admin-tokens.ts';

const SESSION = 'osallistu:console';
const VIEWS = [
  ['polls', 'viewer'],
  ['forms', 'editor'],
  ['feedback', 'moderator'],
  ['statements', 'moderator'],
  ['listening', 'moderator'],
  ['decisions', 'editor'],
  ['cases', 'viewer'],
  ['videos', 'editor'],
  ['snippets', 'viewer'],
  ['settings', 'owner'],
  ['tokens', 'owner'],
  ['audit', 'owner'],
] as const satisfies readonly (readonly [string, Role])[];
type ViewName = (typeof VIEWS)[number][0];

interface Session {
  site: string;
  token: string;
}

/**
 * The officials' console (served at /admin, never by the public loader): sign in with a site
 * token, kept in this tab's session storage only, then the views the token's role allows.
 */
export class OsallistuAdmin extends AdminView {
  @state() private session?: Session;
  @state() private checking = false;
  @state() private error = '';
  @state() private view: ViewName = 'polls';
  /** The poll or form the address names after the view (`#polls/ID`), opened by its view once listed. */
  @state() private item?: string;
  /** Shown on the sign-in form right after signing out. */
  @state() private signedOut = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    this.#onHash();
    const saved = sessionStorage.getItem(SESSION);
    if (saved) void this.signIn(JSON.parse(saved) as Session, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHash);
  }

  /** `#polls`, or `#polls/ID` for one poll in it (the cases awaiting a decision link to their polls and forms so; the listening view's quotes to `#feedback/REF`). */
  readonly #onHash = () => {
    const [name = '', item] = location.hash.slice(1).split('/');
    if (!VIEWS.some(([view]) => view === name)) return;
    let wanted: string | undefined;
    try {
      wanted = item ? decodeURIComponent(item) : undefined;
    } catch {
      wanted = undefined; // a mistyped address opens the view alone
    }
    if (name === this.view) {
      this.item = wanted;
      return;
    }
    if (!this.mayLeave()) {
      history.replaceState(null, '', `#${this.view}`);
      return;
    }
    this.view = name as ViewName;
    this.item = wanted;
  };

  /** A view with unsaved edits (a poll, a decision, a video, a reply) is not left without asking. */
  private mayLeave(): boolean {
    return !this.renderRoot.querySelector<AdminView>('.view > *')?.hasUnsavedChanges || window.confirm(this.at.leaveUnsaved);
  }

  private views(): ViewName[] {
    return VIEWS.filter(([, role]) => this.official && roleAllows(this.official.role, role)).map(([view]) => view);
  }

  override render() {
    const a = this.at;
    if (!this.official || !this.session) return this.renderSignIn();
    const views = this.views();
    const view = views.includes(this.view) ? this.view : views[0]!;
    return html`<div class="account">
        <p id="signed-in" tabindex="-1"><strong>${this.session.site}</strong> · ${withContent((label) => a.signedInAs(label, a.roles[this.official!.role]), { text: this.official.label, lang: this.official.labelLang }, this.language)}</p>
        <button part="button" class="secondary" @click=${this.signOut}>${a.signOut}</button>
      </div>
      <nav aria-label=${a.nav.label}>
        <ul class="tabs">
          ${views.map((name) => html`<li><a href=${`#${name}`} aria-current=${name === view ? 'page' : nothing}>${a.nav[name]}</a></li>`)}
        </ul>
      </nav>
      <section class="view">${this.renderView(view, view === this.view ? this.item : undefined)}</section>`;
  }

  private renderView(view: ViewName, item: string | undefined) {
    const { site, token } = this.session!;
    switch (view) {
      case 'polls':
        return html`<osallistu-admin-polls site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official} .open=${item}></osallistu-admin-polls>`;
      case 'forms':
        return html`<osallistu-admin-forms site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official} .open=${item}></osallistu-admin-forms>`;
      case 'feedback':
        return html`<osallistu-admin-feedback site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official} .ref=${item}></osallistu-admin-feedback>`;
      case 'statements':
        return html`<osallistu-admin-statements site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-statements>`;
      case 'listening':
        return html`<osallistu-admin-listening site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-listening>`;
      case 'decisions':
        return html`<osallistu-admin-decisions site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-decisions>`;
      case 'cases':
        return html`<osallistu-admin-cases site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-cases>`;
      case 'videos':
        return html`<osallistu-admin-videos site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-videos>`;
      case 'snippets':
        return html`<osallistu-admin-snippets site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-snippets>`;
      case 'settings':
        return html`<osallistu-admin-settings site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-settings>`;
      case 'tokens':
        return html`<osallistu-admin-tokens site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-tokens>`;
      case 'audit':
        return html`<osallistu-admin-audit site=${site} api=${this.client.apiBase} .token=${token} .official=${this.official}></osallistu-admin-audit>`;
    }
  }

  private renderSignIn() {
    const t = this.at.signIn;
    const site = this.session?.site ?? (new URLSearchParams(location.search).get('site') || this.siteId);
    return html`<form class="sign-in" @submit=${this.submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" tabindex="-1">${t.heading}</h2>
      <p role="status">${this.signedOut ? this.at.signedOut : nothing}</p>
      <p>${t.intro}</p>
      <div class="field">
        <label for="site">${t.site}</label>
        <p class="hint" id="site-help">${t.siteHelp}</p>
        <input id="site" name="site" required pattern="[a-z0-9](?:[a-z0-9\\-]{0,62}[a-z0-9])?" autocomplete="off" aria-describedby="site-help" .value=${site} />
      </div>
      <div class="field">
        <label for="token">${t.token}</label>
        <p class="hint" id="token-help">${t.tokenHelp}</p>
        <input id="token" name="token" type="password" required autocomplete="off" aria-describedby="token-help" aria-invalid=${this.error ? 'true' : 'false'} />
      </div>
      ${this.error ? html`<p class="error" role="alert" id="sign-in-error">${this.error}</p>` : nothing}
      <button part="button" aria-disabled=${this.checking}>${this.checking ? t.checking : t.submit}</button>
    </form>`;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.checking) return;
    const data = new FormData(event.target as HTMLFormElement);
    void this.signIn({ site: String(data.get('site') ?? '').trim(), token: String(data.get('token') ?? '').trim() }, true);
  }

  /** Checks the token with `GET /sites/:site/me`; only a token that works is kept, in this tab. */
  private async signIn(session: Session, typed: boolean): Promise<void> {
    this.checking = true;
    this.error = '';
    try {
      const client = new ApiClient(this.client.apiBase, session.site);
      this.official = await client.get<Official>('me', { headers: { Authorization: `Bearer ${session.token}` } });
      this.session = session;
      this.site = session.site;
      this.token = session.token;
      sessionStorage.setItem(SESSION, JSON.stringify(session));
      this.signedOut = false;
      // The form and its button are gone: focus goes to who is signed in, at the top of the console.
      if (typed) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#signed-in')?.focus();
      }
    } catch (error) {
      sessionStorage.removeItem(SESSION);
      await this.stringsReady();
      const t = this.at.signIn;
      if (typed) {
        this.error =
          error instanceof ApiRequestError && error.status === 404 ? t.noSite(session.site) : error instanceof ApiRequestError && error.status < 500 ? t.invalid : this.errorMessage(error, this.at.loadFailed);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>(error instanceof ApiRequestError && error.status === 404 ? '#site' : '#token')?.focus();
      }
    } finally {
      this.checking = false;
    }
  }

  /** Back to the sign-in form, which says so, with focus on its heading (the button pressed is gone). */
  private async signOut(): Promise<void> {
    if (!this.mayLeave()) return;
    sessionStorage.removeItem(SESSION);
    this.official = undefined;
    this.session = undefined;
    this.token = '';
    this.signedOut = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#sign-in-heading')?.focus();
  }
}

defineElement('osallistu-admin', OsallistuAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'osallistu-admin': OsallistuAdmin;
  }
}
