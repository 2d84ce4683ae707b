/**
 * A dark theme with no custom properties set (WordPress Twenty Twenty-Three's "Pitch": text
 * #e8eaed on #202124): typed text, muted text and errors keep 4.5:1, borders and the accent 3:1.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../../test/support/a11y.ts';
import { createForm, mountFeedback, ready, root } from '../../test/support/forms.ts';
import { createPoll, mountPoll, settled, shadow } from '../../test/support/polls.ts';
import { isLightColor } from './theme.ts';

const PAGE = { background: '#202124', color: '#e8eaed' };

beforeAll(() => Object.assign(document.documentElement.style, PAGE));
afterAll(() => document.documentElement.removeAttribute('style'));
afterEach(() => document.body.replaceChildren());

/** [r, g, b, a] of a computed colour (rgb(), rgba() or color(srgb …)), 0–1. */
function rgba(color: string): number[] {
  const srgb = color.startsWith('color(');
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return srgb ? [r, g, b, a] : [r / 255, g / 255, b / 255, a];
}
const over = (top: number[], [r, g, b]: number[]) => top.slice(0, 3).map((v, i) => v * top[3]! + [r, g, b][i]! * (1 - top[3]!));
const luminance = (c: number[]) => {
  const [r, g, b] = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};
const page = rgba('rgb(32, 33, 36)');
/** What the colour `property` of `el` looks like on the page (its own background, if any, blended over the page's). */
function shown(el: Element, property: 'color' | 'border-top-color' | 'background-color'): number[] {
  const style = getComputedStyle(el);
  const behind = over(rgba(style.backgroundColor), page);
  return property === 'background-color' ? behind : over(rgba(style.getPropertyValue(property)), behind);
}

describe('on a dark page with no custom properties', () => {
  it('knows the page is dark from the text colour it inherits', () => {
    expect(isLightColor('rgb(232, 234, 237)')).toBe(true);
    expect(isLightColor('color(srgb 0.1 0.1 0.1)')).toBe(false);
    expect(isLightColor('rgb(27, 27, 27)')).toBe(false);
  });

  it('feedback: typed text ≥ 4.5:1 on a control that takes the page\'s background, borders ≥ 3:1, errors readable, axe-clean', async () => {
    const el = await mountFeedback(await createForm(), { lang: 'fi' });
    await ready(el);
    const message = root(el).querySelector<HTMLTextAreaElement>('#f-message')!;
    message.value = 'Katuvalo ei pala.';
    message.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(contrast(shown(message, 'color'), shown(message, 'background-color'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shown(message, 'border-top-color'), page)).toBeGreaterThanOrEqual(3);
    const hint = root(el).querySelector('.hint');
    if (hint) expect(contrast(shown(hint, 'color'), page)).toBeGreaterThanOrEqual(4.5);
    const send = root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(contrast(shown(send, 'color'), shown(send, 'background-color'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shown(send, 'background-color'), page)).toBeGreaterThanOrEqual(3);
    await expectAccessible(el);

    // The error state: an empty required field sent.
    message.value = '';
    message.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    send.click();
    await expect.poll(() => root(el).querySelector('.error')).toBeTruthy();
    expect(contrast(shown(root(el).querySelector('.error')!, 'color'), page)).toBeGreaterThanOrEqual(4.5);
    await expectAccessible(el);
  });

  it('poll: options, the chosen option\'s accent and the results keep their contrast, axe-clean', async () => {
    const el = await mountPoll(await createPoll(), { lang: 'fi' });
    await settled(el);
    const option = shadow(el).querySelector('.option')!;
    expect(contrast(shown(option, 'border-top-color'), page)).toBeGreaterThanOrEqual(3);
    await expectAccessible(el);
    shadow(el).querySelector<HTMLInputElement>('input[value="a"]')!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await expect.poll(() => shadow(el).textContent).toMatch(/Kiitos/);
    await el.updateComplete;
    await expectAccessible(el);
  });
});
