/**
 * WCAG 1.4.11 for the focus indicator: on every filled button (a poll's vote, a form's send, the
 * decision feed's search and its pressed topic chip, a video's consent, the console's), the ring as
 * rendered has 3:1 or more against the button where it touches the button, and against the page
 * where it touches the page: on a light page, on a dark one, and with a site's own accent colours.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { createPoll, mountPoll, settled, SITE } from '../../test/support/polls.ts';
import { createForm, mountFeedback, ready as feedbackReady } from '../../test/support/forms.ts';
import { mountDecisions, ready as decisionsReady } from '../../test/support/decisions.ts';
import { addVideo, mountVideo, registerThisOrigin, videoReady } from '../../test/support/videos.ts';
import '../admin/osallistu-admin.ts';

type Rgb = [number, number, number];

/** A computed colour as sRGB 0–1 over `behind`; anything CSS accepts (color-mix, currentColor already resolved) is computed on a probe first. */
function shown(color: string, behind: Rgb = [1, 1, 1]): Rgb {
  const probe = document.createElement('span');
  document.body.append(probe);
  probe.style.color = color;
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const srgb = computed.startsWith('color(');
  const [r = 0, g = 0, b = 0, a = 1] = (computed.match(/[\d.]+/g) ?? []).map(Number);
  const rgb = (srgb ? [r, g, b] : [r / 255, g / 255, b / 255]) as Rgb;
  return rgb.map((v, i) => v * a + behind[i]! * (1 - a)) as Rgb;
}
const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
};

/** The page's background: the root's, over white. */
const pageBackground = () => shown(getComputedStyle(document.documentElement).backgroundColor);

/** "rgb(1, 2, 3) 0px 0px 0px 2px" → its colour and spread, for an outer (not inset) shadow. */
function shadowBand(boxShadow: string): { color: string; spread: number } | null {
  const match = /^((?:rgba?|color)\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px$/.exec(boxShadow.trim());
  return match ? { color: match[1]!, spread: Number(match[5]) } : null;
}

/**
 * The ring around `button` as drawn: the colour that touches the button (the inner band, or the
 * outline itself when nothing lies between), and the colour that touches the page (the outline).
 */
function ring(button: HTMLElement) {
  const style = getComputedStyle(button);
  const page = pageBackground();
  const background = shown(style.backgroundColor, page);
  const offset = parseFloat(style.outlineOffset);
  const width = parseFloat(style.outlineWidth);
  const inner = shadowBand(style.boxShadow);
  const nextToButton = offset > 0 ? inner : { color: style.outlineColor, spread: 0 };
  return {
    style: style.outlineStyle,
    width,
    /** Page shows between the button and the outline when the inner band does not reach it. */
    gap: offset > 0 ? Math.max(0, offset - (inner?.spread ?? 0)) : 0,
    againstButton: nextToButton ? contrast(shown(nextToButton.color, background), background) : 0,
    againstPage: contrast(shown(style.outlineColor, page), page),
    outerReachesPage: offset + width > (inner?.spread ?? 0),
  };
}

/** Focuses `button` as a keyboard does and checks its ring. */
async function expectVisibleRing(button: HTMLElement, name: string): Promise<void> {
  button.focus({ focusVisible: true } as FocusOptions);
  expect(button.matches(':focus-visible'), `${name} is focused visibly`).toBe(true);
  const drawn = ring(button);
  expect({ name, style: drawn.style, gap: drawn.gap, outerReachesPage: drawn.outerReachesPage }).toEqual({ name, style: 'solid', gap: 0, outerReachesPage: true });
  expect(drawn.width, `${name}: outline width`).toBeGreaterThanOrEqual(2);
  expect(drawn.againstButton, `${name}: the ring against the button`).toBeGreaterThanOrEqual(3);
  expect(drawn.againstPage, `${name}: the ring against the page`).toBeGreaterThanOrEqual(3);
}

/** Filled buttons (a background that is not transparent) in `root` and in every shadow root inside it. */
function filledButtons(root: ParentNode): HTMLButtonElement[] {
  const found: HTMLButtonElement[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el instanceof HTMLButtonElement && el.checkVisibility() && !el.disabled && getComputedStyle(el).backgroundColor.match(/[\d.]+/g)?.[3] !== '0') found.push(el);
    if (el.shadowRoot) found.push(...filledButtons(el.shadowRoot));
  }
  return found;
}

const PAGES = {
  light: {},
  dark: { background: '#202124', color: '#e8eaed' },
  'custom accent (green, on a light page)': { '--osallistu-accent': '#006b3f', '--osallistu-on-accent': '#ffffff' },
  'custom accent (yellow with dark text, on a dark page)': { background: '#1d1d1b', color: '#f4f4f4', '--osallistu-accent': '#ffd54f', '--osallistu-on-accent': '#1a1a1a' },
} as const satisfies Record<string, Record<string, string>>;

beforeAll(registerThisOrigin);
afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
  history.replaceState(null, '', location.pathname);
});

describe.each(Object.entries(PAGES))('the focus ring on filled buttons, %s page', (_, pageStyle) => {
  beforeAll(() => {
    for (const [name, value] of Object.entries(pageStyle)) document.documentElement.style.setProperty(name, value);
  });
  afterAll(() => document.documentElement.removeAttribute('style'));

  it('the poll\'s vote button', async () => {
    const el = await mountPoll(await createPoll());
    await settled(el);
    await expectVisibleRing(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!, 'vote');
    await expectAccessible(el);
  });

  it('the feedback form\'s send button', async () => {
    const el = await mountFeedback(await createForm());
    await feedbackReady(el);
    await expectVisibleRing(el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!, 'send');
  });

  it('the decision feed\'s search button and its pressed topic chip', async () => {
    const el = await mountDecisions({ search: '', filters: '', limit: '2' });
    await decisionsReady(el);
    await expectVisibleRing(el.shadowRoot!.querySelector<HTMLButtonElement>('.search button')!, 'search');
    await expect.poll(() => el.shadowRoot!.querySelector('button.chip[aria-pressed="true"]')).toBeTruthy();
    await expectVisibleRing(el.shadowRoot!.querySelector<HTMLButtonElement>('button.chip[aria-pressed="true"]')!, 'pressed chip');
    await expectAccessible(el);
  });

  it('the video\'s consent button', async () => {
    const el = await mountVideo({ video: await addVideo({ provider: 'youtube', ref: 'aqz-KE-bpKQ', chapters: [] }) });
    await videoReady(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.play')!.click();
    await expect.poll(() => el.shadowRoot!.querySelector('.consent')).toBeTruthy();
    await expectVisibleRing(el.shadowRoot!.querySelector<HTMLButtonElement>('.consent .actions button:not(.secondary)')!, 'play the video');
    await expectAccessible(el);
  });

  it('the console\'s filled buttons, before and after signing in', async () => {
    const main = document.createElement('main');
    main.lang = 'fi';
    const el = document.createElement('osallistu-admin');
    el.setAttribute('api', location.origin);
    main.append(el);
    document.body.append(main);
    await expect.poll(() => el.shadowRoot?.querySelector('#token')).toBeTruthy();
    const before = filledButtons(el.shadowRoot!);
    expect(before.length).toBeGreaterThan(0);
    for (const button of before) await expectVisibleRing(button, `console: ${button.textContent!.trim()}`);
    el.shadowRoot!.querySelector<HTMLInputElement>('#site')!.value = SITE;
    el.shadowRoot!.querySelector<HTMLInputElement>('#token')!.value = inject('devServer').token;
    el.shadowRoot!.querySelector<HTMLButtonElement>('form button')!.click();
    await expect.poll(() => filledButtons(el.shadowRoot!).filter((b) => !before.includes(b)).length).toBeGreaterThan(0);
    for (const button of filledButtons(el.shadowRoot!)) await expectVisibleRing(button, `console: ${button.textContent!.trim()}`);
  });
});
