import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PublicSite } from './site.ts';
import { ApiClient } from './api-client.ts';
import { loaderConfig } from './config.ts';
import { loadMessages, messages, messagesLoaded, pageLang, resolveLang } from './i18n.ts';
import type { Lang, Messages } from '../locales/messages.ts';
import { loadSite } from './site.ts';
import { themeStyles } from './theme.ts';

/**
 * What every `osallistu-*` element shares: where the API is, which site it serves, which
 * language it speaks, and the theme tokens.
 *
 * @attr site - the site slug; defaults to the loader's `data-site`.
 * @attr api - the API origin; defaults to the loader's own origin.
 * @attr lang - the language; defaults to the nearest ancestor's `lang`, then the site's default.
 */
export class OsallistuElement extends LitElement {
  static override styles = [themeStyles];

  @property({ reflect: true }) site = '';
  @property() api = '';

  /** The site's public settings, once loaded (only fetched when the page does not give a language). */
  @state() protected siteInfo?: PublicSite;

  protected get siteId(): string {
    return this.site || loaderConfig().site || '';
  }

  protected get client(): ApiClient {
    const base = this.api || loaderConfig().apiBase;
    if (this.#client?.apiBase !== base || this.#client.site !== this.siteId) this.#client = new ApiClient(base, this.siteId);
    return this.#client;
  }
  #client?: ApiClient;

  /** The language to speak now. */
  protected get language(): Lang {
    return resolveLang(this, this.siteInfo?.defaultLang);
  }

  protected get t(): Messages {
    return messages(this.language);
  }

  /** Renders only once the strings of the current language have arrived. */
  protected override async scheduleUpdate(): Promise<void> {
    const lang = this.language;
    if (!messagesLoaded(lang)) await loadMessages(lang);
    super.scheduleUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadMessages(this.language);
    if (!pageLang(this) && this.siteId) {
      loadSite(this.client).then(
        (site) => (this.siteInfo = site),
        () => undefined, // the widget's own request will show the error
      );
    }
  }
}
