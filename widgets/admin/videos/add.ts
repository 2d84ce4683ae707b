import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { newIdempotencyKey } from '../../core/api-client.ts';
// Also defines <osallistu-video>, the preview.
import { filled } from '../admin-editor.ts';
import { SLUG, VideosBase } from './base.ts';
import type { Errors, Provider, Texts, Video } from './base.ts';
import { detectProvider, parseClock } from './parse.ts';
import { withContent } from '../ui/content-lang.ts';

const PROVIDERS: Provider[] = ['youtube', 'vimeo', 'peertube', 'file'];

export interface AddDraft {
  channel: string;
  provider: Provider;
  /** The editor picked the provider; the address no longer changes it. */
  chosen: boolean;
  ref: string;
  host: string;
  title: Texts;
  duration: string;
  status: 'draft' | 'published';
}

/** Adding a video by its address: the service guessed from it, the title in the site's languages. */
export abstract class VideoAdd extends VideosBase {
  @state() protected adding = false;
  @state() protected add: AddDraft = this.emptyAdd();
  @state() protected detected?: Provider;

  protected renderAdd() {
    const t = this.vt;
    const a = this.add;
    const set = (patch: Partial<AddDraft>) => (this.add = { ...this.add, ...patch });
    const providerError = this.errors.add.provider;
    return html`<section class="panel adding" aria-labelledby="add-heading">
      <h3 id="add-heading" tabindex="-1">${t.addHeading}</h3>
      <form novalidate aria-labelledby="add-heading" @submit=${(e: SubmitEvent) => void this.create(e)}>
        ${this.field('add', 'channel', t.channel, a.channel, (channel) => set({ channel }), { hint: t.channelHelp, required: true, list: 'channels', maxlength: 64 })}
        ${this.field('add', 'ref', t.address, a.ref, (ref) => this.typeAddress(ref), { hint: t.addressHelp, required: true, type: 'url', maxlength: 2000 })}
        <div class="field">
          <label for="add-provider">${t.provider}</label>
          ${this.detected ? html`<p class="hint" id="add-provider-hint">${t.detected(t.providers[this.detected])}</p>` : nothing}
          <select
            id="add-provider"
            aria-describedby=${[this.detected ? 'add-provider-hint' : '', providerError ? 'add-provider-error' : ''].filter(Boolean).join(' ') || nothing}
            aria-invalid=${providerError ? 'true' : 'false'}
            @change=${(e: Event) => set({ provider: (e.target as HTMLSelectElement).value as Provider, chosen: true })}
          >
            ${PROVIDERS.map((p) => html`<option value=${p} ?selected=${p === a.provider}>${t.providers[p]}</option>`)}
          </select>
          ${providerError ? html`<p class="error" id="add-provider-error"><span lang=${providerError.lang ?? nothing}>${providerError.text}</span></p>` : nothing}
        </div>
        ${a.provider === 'peertube' ? this.field('add', 'host', t.host, a.host, (host) => set({ host }), { hint: t.hostHelp, maxlength: 253 }) : nothing}
        ${this.langs.map((lang) =>
          this.field('add', `title.${lang}`, t.titleIn(t.languages[lang]), a.title[lang] ?? '', (text) => set({ title: { ...this.add.title, [lang]: text } }), { lang, maxlength: 300 }),
        )}
        <div class="grid">
          ${this.field('add', 'duration', t.duration, a.duration, (duration) => set({ duration }), { hint: t.durationHelp })}
          <div class="field">
            <label for="add-status">${t.status}</label>
            <select id="add-status" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value as AddDraft['status'] })}>
              <option value="draft" ?selected=${a.status === 'draft'}>${t.statuses.draft}</option>
              <option value="published" ?selected=${a.status === 'published'}>${t.statuses.published}</option>
            </select>
          </div>
        </div>
        ${this.generalError('add')}
        <div class="actions">
          <button part="button" aria-disabled=${this.busy ? 'true' : 'false'}>${t.create}</button>
          <button part="button" type="button" class="secondary" id="add-cancel" @click=${() => this.leave(() => this.closeAdd(), '#add-cancel')}>${this.at.cancel}</button>
        </div>
      </form>
    </section>`;
  }

  protected emptyAdd(): AddDraft {
    return { channel: this.filter?.channel ?? '', provider: 'youtube', chosen: false, ref: '', host: '', title: {}, duration: '', status: 'draft' };
  }

  protected typeAddress(ref: string): void {
    const guess = detectProvider(ref);
    this.detected = guess;
    this.add = { ...this.add, ref, ...(guess && !this.add.chosen ? { provider: guess } : {}) };
  }

  protected async openAdd(): Promise<void> {
    this.closeEditorNow();
    this.add = this.emptyAdd();
    this.detected = undefined;
    this.errors = { ...this.errors, add: {} };
    this.general = { ...this.general, add: undefined };
    this.adding = true;
    await this.focusOn('#add-heading');
  }

  protected async closeAdd(): Promise<void> {
    this.adding = false;
    this.add = this.emptyAdd();
    await this.focusOn('#add-open');
  }

  protected async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.vt;
    const a = this.add;
    const errors: Errors = {};
    const channel = a.channel.trim();
    if (!SLUG.test(channel)) errors.channel = { text: t.channelInvalid };
    if (!a.ref.trim()) errors.ref = { text: t.refHelp[a.provider] };
    const title = filled(a.title);
    if (!Object.keys(title).length) errors[`title.${this.langs[0]}`] = { text: t.titleRequired };
    const duration = a.duration.trim() ? parseClock(a.duration) : null;
    if (duration === undefined || duration === 0) errors.duration = { text: t.durationInvalid };
    if (Object.keys(errors).length) return this.showErrors('add', errors, { text: t.notCreated });
    const body = {
      channel,
      provider: a.provider,
      ref: a.ref.trim(),
      ...(a.provider === 'peertube' && a.host.trim() ? { host: a.host.trim() } : {}),
      title,
      ...(duration ? { duration } : {}),
      status: a.status,
    };
    this.busy = true;
    try {
      const video = await this.client.request<Video>('POST', 'videos', body, { headers: { Authorization: `Bearer ${this.token}` }, idempotencyKey: newIdempotencyKey() });
      this.adding = false;
      this.add = this.emptyAdd();
      this.status = withContent(t.created, this.titleOf(video), this.language);
      void this.fetchPage(false);
      await this.showVideo(video);
    } catch (error) {
      await this.showRequestError('add', error, a.provider, t.notCreated);
    } finally {
      this.busy = false;
    }
  }
}
