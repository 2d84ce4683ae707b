/** Browser-side helpers for the feedback widgets' tests: real forms on the real API, via Vite's proxy. */
import { expect } from 'vitest';
import '../../widgets/feedback/osallistu-feedback.ts';
import type { OsallistuFeedback } from '../../widgets/feedback/osallistu-feedback.ts';
import { SITE, officialFetch } from './polls.ts';

export { SITE, officialFetch };

export const BASE_FORM = {
  title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
  intro: { fi: 'Kerro, mitä huomasit.', sv: 'Berätta vad du märkte.', en: 'Tell us what you noticed.' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Palautteesi', sv: 'Din respons', en: 'Your feedback' }, required: true, maxLength: 500 },
    {
      key: 'topic',
      type: 'choice',
      label: { fi: 'Mitä palaute koskee?', sv: 'Vad gäller responsen?', en: 'What is it about?' },
      required: true,
      options: [
        { id: 'streets', label: { fi: 'Kadut', sv: 'Gator', en: 'Streets' } },
        { id: 'parks', label: { fi: 'Puistot', sv: 'Parker', en: 'Parks' } },
      ],
    },
    { key: 'place', type: 'location', label: { fi: 'Paikka', sv: 'Plats', en: 'Place' }, help: { fi: 'Esimerkiksi katuosoite.', sv: 'Till exempel gatuadress.', en: 'A street address, for example.' } },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' }, help: { fi: 'Jos haluat vastauksen.', sv: 'Om du vill ha svar.', en: 'If you would like a reply.' } },
    { key: 'publish', type: 'consent', label: { fi: 'Palautteen saa julkaista', sv: 'Responsen får publiceras', en: 'The feedback may be published' } },
  ],
  categories: [
    { id: 'lights', label: { fi: 'Katuvalot', sv: 'Gatubelysning', en: 'Street lights' } },
    { id: 'other', label: { fi: 'Muu', sv: 'Annat', en: 'Other' } },
  ],
  status: 'open',
};

let counter = 0;

/** Creates a feedback form on the demo site and returns its id (each test its own, so each its own rate limit). */
export async function createForm(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = `wf-${Date.now().toString(36)}-${counter++}`;
  const response = await officialFetch('/forms', { method: 'POST', body: JSON.stringify({ ...BASE_FORM, ...overrides, id }) });
  if (response.status !== 201) throw new Error(`createForm ${response.status}: ${await response.text()}`);
  return id;
}

export interface QueuedSubmission {
  ref: string;
  answers: Record<string, unknown>;
  contact: Record<string, string> | null;
  category: string | null;
  status: string;
}

/** Every submission to a form, as a moderator sees them. */
export async function submissionsOf(form: string): Promise<QueuedSubmission[]> {
  const response = await officialFetch(`/submissions?form=${form}&limit=100`);
  return ((await response.json()) as { items: QueuedSubmission[] }).items;
}

/** Puts `<osallistu-feedback>` in a section of language `lang` and waits for its first render. */
export async function mountFeedback(id: string, options: { lang?: string; attrs?: Record<string, string> } = {}): Promise<OsallistuFeedback> {
  const section = document.createElement('section');
  section.lang = options.lang ?? 'fi';
  const el = document.createElement('osallistu-feedback');
  el.setAttribute('site', SITE);
  el.setAttribute('form', id);
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  section.append(el);
  document.body.append(section);
  await el.updateComplete;
  return el;
}

export const root = (el: Element) => el.shadowRoot!;
export const textIn = (el: Element) => root(el).textContent?.replace(/\s+/g, ' ').trim() ?? '';

export async function ready(el: OsallistuFeedback): Promise<void> {
  await expect.poll(() => root(el)?.querySelector('.feedback[aria-busy="false"]'), { timeout: 10_000 }).toBeTruthy();
  await el.updateComplete;
}

/** Types into a text field the way a person does: the value changes and `input` fires. */
export function type(el: Element, selector: string, value: string): void {
  const field = root(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
