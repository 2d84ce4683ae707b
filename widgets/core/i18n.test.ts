import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../locales/en.ts';
import { fi } from '../locales/fi.ts';
import { sv } from '../locales/sv.ts';
import { localized, normalizeLang, pageLang, resolveLang } from './i18n.ts';

afterEach(() => document.body.replaceChildren());

describe('language resolution', () => {
  it('normalises region tags and ignores languages we do not speak', () => {
    expect(normalizeLang('sv-FI')).toBe('sv');
    expect(normalizeLang('FI')).toBe('fi');
    expect(normalizeLang('en_GB')).toBe('en');
    expect(normalizeLang('de')).toBeUndefined();
    expect(normalizeLang('')).toBeUndefined();
  });

  it('prefers the element\'s lang, then the nearest ancestor\'s, across shadow roots', () => {
    document.body.innerHTML = '<div lang="sv"><p><span id="inner"></span><span id="own" lang="en"></span></p></div><div id="host"></div>';
    expect(pageLang(document.getElementById('inner')!)).toBe('sv');
    expect(pageLang(document.getElementById('own')!)).toBe('en');

    const host = document.getElementById('host')!;
    host.setAttribute('lang', 'sv-FI');
    const shadowChild = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(shadowChild);
    expect(pageLang(shadowChild)).toBe('sv');
  });

  it('falls back to the site default, then Finnish', () => {
    const orphan = document.createElement('div');
    const htmlLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      expect(resolveLang(orphan, 'sv')).toBe('sv');
      expect(resolveLang(orphan)).toBe('fi');
    } finally {
      if (htmlLang) document.documentElement.setAttribute('lang', htmlLang);
    }
  });
});

describe('localized content', () => {
  it('uses the wanted language and reports the real one after a fallback', () => {
    expect(localized({ fi: 'Kysely', sv: 'Enkät' }, 'sv')).toEqual({ text: 'Enkät', lang: 'sv' });
    expect(localized({ fi: 'Kysely' }, 'sv', ['fi'])).toEqual({ text: 'Kysely', lang: 'fi' });
    expect(localized({ en: 'Poll' }, 'sv', ['fi'])).toEqual({ text: 'Poll', lang: 'en' });
    expect(localized(undefined, 'fi')).toEqual({ text: '', lang: 'fi' });
  });
});

describe('locale files', () => {
  it('have the same keys in every language', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
    expect(keys(sv)).toEqual(keys(fi));
    expect(keys(en)).toEqual(keys(fi));
  });

  it('write their own plural forms', () => {
    expect([fi.votes(1), fi.votes(2)]).toEqual(['1 ääni', '2 ääntä']);
    expect([sv.votes(1), sv.votes(2)]).toEqual(['1 röst', '2 röster']);
    expect([en.votes(1), en.votes(1500)]).toEqual(['1 vote', '1,500 votes']);
  });
});
