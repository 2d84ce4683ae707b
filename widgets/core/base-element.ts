import { LitElement, html } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { PublicSite } from './site.ts';
import { ApiClient, ApiRequestError, NetworkError } from './api-client.ts';
import { loaderConfig } from './config.ts';
import { coreMessages, pageLang, resolveLang } from './i18n.ts';
import type { Catalog } from './i18n.ts';
import type { Lang, Messages } from '../locales/messages.ts';
import { loadSite } from './site.ts';
import { isLightColor, themeStyles } from './theme.ts';
import { controlStyles } from './controls.ts';
import { onStorageRefused, storageRefused } from './storage.ts';
import { originNotice, withStorageNotice } from './notices.ts';

/** How long a widget's first render waits for what it shows before drawing its loading state. */
const FIRST_WAIT_MS = 100;

/**
 * Hands a form to the widget without the browser's form submission. A frame sandboxed without
 * `allow-forms` (WordPress's embeds: `sandbox="allow-scripts"`) blocks that submission before the
 * `submit` event fires, so a click on a submit button (also the one Enter in a field makes) becomes
 * that event here, for the widget's own handler. Forms the browser itself validates keep its check.
 */
function submitWithoutNavigation(event: MouseEvent): void {
  // Once: a widget inside another (the console's views, the feedback form in a decision) sees the same click.
  if (event.defaultPrevented) return;
  const button = event.composedPath().find((node): node is HTMLButtonElement => node instanceof HTMLButtonElement);
  const form = button?.type === 'submit' ? button.form : null;
  if (!form || (!form.noValidate && !form.checkValidity())) return;
  event.preventDefault();
  form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: button }));
}

/**
 * What every `osallistu-*` element shares: where the API is, which site it serves, which
 * language it speaks, and the theme tokens.
 *
 * @attr site - the site slug; defaults to the loader's `data-site`.
 * @attr api - the API origin; defaults to the loader's own origin.
 * @attr lang - the language; defaults to the nearest ancestor's `lang`, then the site's default.
 * @csspart origin-notice - the notice for web editors shown instead of the widget when the API
 *   refuses this page's origin (the site has not registered it); the element's own content stays visible below it.
 * @csspart storage-notice - the line saying this embedded view cannot remember the answer on this
 *   device, shown only where the browser refuses storage (e.g. a sandboxed frame).
 */
export class OsallistuElement extends LitElement {
  static override styles = [themeStyles, controlStyles];
  /**
   * Lit's reactive properties, named here rather than by decorators, which would put Lit's
   * decorator code in every page's shared chunk. A subclass names only its own (Lit inherits
   * these). Internal state says `attribute: false` as well as `state: true`: Lit needs only the
   * latter, but the custom elements manifest's analyzer would list it as an attribute.
   */
  static override properties: PropertyDeclarations = {
    site: { reflect: true },
    api: {},
    siteInfo: { state: true, attribute: false },
    originRefused: { state: true, attribute: false },
  };
  /** The string catalogs this element renders with; a widget with strings of its own adds its catalog. */
  static catalogs: Catalog<unknown>[] = [coreMessages];
  /** Keeps something on the device (a ballot, a draft, a consent): says so on screen when storage is refused. */
  static remembers = true;

  site = '';
  api = '';

  /** The site's public settings, once loaded (only fetched when the page does not give a language). */
  protected siteInfo?: PublicSite;

  /** Set when the API refused this page's origin: the element then shows the notice for web editors and its own content. */
  protected originRefused = false;

  protected get siteId(): string {
    return this.site || loaderConfig().site || '';
  }

  protected get client(): ApiClient {
    const base = this.api || loaderConfig().apiBase;
    if (this.#client?.apiBase !== base || this.#client.site !== this.siteId) {
      this.#client = new ApiClient(base, this.siteId, { onOriginRefused: () => (this.originRefused = true) });
    }
    return this.#client;
  }
  #client?: ApiClient;

  /** The language to speak now. */
  protected get language(): Lang {
    return resolveLang(this, this.siteInfo?.defaultLang);
  }

  protected get t(): Messages {
    return coreMessages.get(this.language);
  }

  get #catalogs(): Catalog<unknown>[] {
    return (this.constructor as typeof OsallistuElement).catalogs;
  }

  /**
   * Resolves once this element's strings in its language have arrived. Code that runs apart
   * from rendering (a fetch answered before the strings, a resend) awaits it before reading them.
   */
  protected async stringsReady(): Promise<void> {
    await Promise.all(this.#catalogs.map((catalog) => catalog.load(this.language)));
  }

  /**
   * Renders only once the strings of the current language have arrived; the first time, also
   * once what the element shows has arrived, or FIRST_WAIT_MS have passed: an answer that is
   * already on its way (the loader asks for it with the widget's chunk) is drawn at once, not
   * after a frame of loading skeleton, and a slow one still gets its skeleton.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = this.language;
    const waits: Promise<unknown>[] = this.#catalogs.filter((catalog) => !catalog.has(lang)).map((catalog) => catalog.load(lang));
    const first = !this.hasUpdated && this.#firstFetch;
    if (first) waits.push(Promise.race([first.catch(() => {}), new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS))]));
    if (waits.length) await Promise.all(waits);
    super.scheduleUpdate();
  }

  /** The id of what this element shows (a poll, a form); '' while there is none. */
  protected resourceId(): string {
    return '';
  }

  /** Fetches what `resourceId()` names; called again whenever it, the site or the API changes. */
  protected async fetchResource(): Promise<void> {}

  #fetched = '';
  /** The first fetch, which the first render waits for (a little). */
  #firstFetch?: Promise<void>;

  #fetchIfChanged(): void {
    const key = `${this.client.apiBase}|${this.siteId}|${this.resourceId()}`;
    if (!this.resourceId() || key === this.#fetched) return;
    this.#fetched = key;
    this.originRefused = false;
    const fetching = this.fetchResource();
    this.#firstFetch ??= fetching;
  }

  protected override willUpdate(): void {
    this.#fetchIfChanged();
  }

  /**
   * Renders the widget's own view, or in its place the notice for web editors when the API
   * refused this page's origin, and under it the line about storage where the browser refuses it;
   * all of it inside one element that carries the language it speaks, since that may not be the
   * page's (a page in German, or with no `lang`, gets the site's default language, else Finnish).
   * Done here once, so that no widget's chunk carries it.
   */
  protected override update(changed: PropertyValues): void {
    const view = this.render;
    const lang = this.language;
    // Always the same outer template, so the view is not rebuilt when storage first refuses.
    const inner = this.originRefused
      ? () => originNotice(this.t, location.origin, this.siteId)
      : (this.constructor as typeof OsallistuElement).remembers
        ? () => withStorageNotice(this.t, view.call(this), storageRefused())
        : () => view.call(this);
    this.render = () => html`<div lang=${lang}>${inner()}</div>`;
    try {
      super.update(changed);
    } finally {
      this.render = view;
    }
  }

  /** Sends again what waits on this device (a ballot, a submission); called when the browser comes back online and while retrying. */
  protected async resend(): Promise<void> {}

  readonly #onOnline = () => void this.resend();
  #retryTimer?: ReturnType<typeof setInterval>;

  /** Keeps calling `resend()` every 20 s, not only when the browser says "online", until `stopRetrying()`. */
  protected retryLater(): void {
    this.#retryTimer ??= setInterval(this.#onOnline, 20_000);
  }

  protected stopRetrying(): void {
    clearInterval(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #offStorage?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offStorage?.();
    window.removeEventListener('online', this.#onOnline);
    this.stopRetrying();
  }

  readonly #internals = this.attachInternals();

  constructor() {
    super();
    this.addEventListener('click', submitWithoutNavigation);
  }

  /** `:state(dark)` when the text the element inherits is light, i.e. it sits on a dark page (see theme.ts). */
  #matchPage(): void {
    if (isLightColor(getComputedStyle(this).color)) this.#internals.states.add('dark');
    else this.#internals.states.delete('dark');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#matchPage();
    window.addEventListener('online', this.#onOnline);
    this.#offStorage = onStorageRefused(() => this.requestUpdate());
    this.#fetchIfChanged(); // in parallel with the language strings, not after them
    for (const catalog of this.#catalogs) void catalog.load(this.language);
    if (!pageLang(this) && this.siteId) {
      loadSite(this.client).then(
        (site) => (this.siteInfo = site),
        () => undefined, // the widget's own request will show the error
      );
    }
  }

  /** What to tell a resident about a failed request: the network, a timeout, a rate limit, or `fallback`. */
  protected errorMessage(error: unknown, fallback: string): string {
    if (error instanceof NetworkError) return error.timedOut ? this.t.errors.timeout : this.t.errors.network;
    if (error instanceof ApiRequestError && error.status === 429) return this.t.errors.rateLimited;
    return fallback;
  }

  /** Worth trying again later with the same idempotency key: the server was not reached, or was busy. */
  protected isTransient(error: unknown): boolean {
    return error instanceof NetworkError || (error instanceof ApiRequestError && (error.status >= 500 || error.status === 429));
  }
}
