import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import corpus from '../../test/listening/personal-data.json';
import { quoteText, redact } from './redact.ts';
import type { QuotePart, RedactedKind } from './redact.ts';

interface Case {
  text: string;
  /** Must not survive in any of the quote's own words. */
  secrets: string[];
  /** Must survive, each within one piece of the quote's own words. */
  keep: string[];
}
const cases: Case[] = corpus;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u');
const strings = (parts: QuotePart[]) => parts.filter((p): p is string => typeof p === 'string');

/**
 * Lays the quote back over the original: its strings, in order, with some text in place of each
 * redaction. Null if that is impossible, i.e. if the quote changed anything but the redacted
 * spans. Otherwise each redaction's kind and the [start, end) of what it replaced.
 */
function align(text: string, parts: QuotePart[]): { kind: RedactedKind; start: number; end: number }[] | null {
  const pattern = parts.map((p) => (typeof p === 'string' ? escapeRegExp(p) : '([\\s\\S]+?)')).join('');
  const m = new RegExp(`^${pattern}$`, 'd').exec(text);
  if (!m) return null;
  const kinds = parts.filter((p) => typeof p !== 'string').map((p) => p.redacted);
  return kinds.map((kind, i) => {
    const [start, end] = m.indices![i + 1]!;
    return { kind, start, end };
  });
}

/** What was redacted, as [kind, original text] pairs. */
function redactions(text: string): [RedactedKind, string][] {
  const spans = align(text, redact(text));
  if (!spans) throw new Error(`quote does not reproduce ${JSON.stringify(text)}`);
  return spans.map(({ kind, start, end }) => [kind, text.slice(start, end)]);
}

/** Every way a secret could still show in a quote: whole, partly, as bare digits, or a word of a name. */
function leaks(c: Case): string[] {
  const parts = redact(c.text);
  const own = strings(parts);
  const spans = align(c.text, parts) ?? [];
  const found: string[] = [];
  for (const secret of c.secrets) {
    if (own.some((s) => s.includes(secret))) found.push(`${secret}: whole`);
    // Every non-space character of every occurrence lies inside a redaction ("Rantakatu 12" of "Rantakatu 12 B 7" is not enough).
    for (let at = c.text.indexOf(secret); at >= 0; at = c.text.indexOf(secret, at + 1)) {
      for (let i = at; i < at + secret.length; i++) {
        if (/\s/.test(c.text[i]!)) continue;
        if (!spans.some((s) => s.start <= i && i < s.end)) {
          found.push(`${secret}: ${JSON.stringify(c.text[i])} at ${i} not redacted`);
          break;
        }
      }
    }
    // Phone numbers and identity codes: their digits, however written. (Shorter runs, such as a
    // house number, are everywhere in ordinary text.)
    const digits = secret.replace(/\D/g, '');
    if (digits.length >= 6 && own.some((s) => s.replace(/[\s().+-]/g, '').includes(digits))) found.push(`${secret}: digits`);
    // Names: each capitalised word or initial on its own.
    if (!/\d/.test(secret)) {
      for (const word of secret.match(/\p{Lu}[\p{L}'’-]*\.?/gu) ?? []) {
        if (own.some((s) => wholeWord(word).test(s))) found.push(`${secret}: word ${word}`);
      }
    }
  }
  return found;
}

describe('the personal data corpus', () => {
  it('is big enough and has look-alikes without personal data', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.secrets.length === 0).length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      for (const s of [...c.secrets, ...c.keep]) expect(c.text, s).toContain(s);
      if (c.secrets.length === 0) expect(c.keep.length).toBeGreaterThan(0);
    }
  });

  it.each(cases.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const parts = redact(c.text);
    expect(leaks(c)).toEqual([]);
    const own = strings(parts);
    const lost = c.keep.filter((k) => !own.some((s) => s.includes(k)));
    expect(lost, JSON.stringify(parts)).toEqual([]);
    if (c.secrets.length === 0) expect(parts).toEqual([c.text]);
  });
});

describe('each kind', () => {
  it('e-mail addresses, also written out', () => {
    expect(redactions('Vastaus: matti.virtanen@example.fi.')).toEqual([['email', 'matti.virtanen@example.fi']]);
    expect(redactions('osoite matti (at) example.fi kiitos')).toEqual([['email', 'matti (at) example.fi']]);
    expect(redactions('anna[at]gmail.com')).toEqual([['email', 'anna[at]gmail.com']]);
    expect(redactions('write to erik at hotmail dot com please')).toEqual([['email', 'erik at hotmail dot com']]);
    expect(redactions('eller erik at hotmail.com')).toEqual([['email', 'erik at hotmail.com']]);
    expect(redactions('m.korhonen [at] yahoo [dot] com')).toEqual([['email', 'm.korhonen [at] yahoo [dot] com']]);
    expect(redactions('liisa ät luukku piste fi')).toEqual([['email', 'liisa ät luukku piste fi']]);
    // A bare "at" before an ordinary site is English, not an address.
    expect(redact('The form at koivulahti.fi does not work.')).toEqual(['The form at koivulahti.fi does not work.']);
  });

  it('Finnish and Swedish phone numbers', () => {
    for (const phone of [
      '040 123 4567', '0401234567', '040-1234567', '+358 40 123 4567', '+358401234567', '(09) 310 1234',
      '09-310 1234', '050 12 34 567', '+46 70 123 45 67', '070-123 45 67', '08-123 456 78', '+358 (0)40 222 3344',
      '0046 70 987 65 43', '0400 123 456',
    ]) {
      expect(redactions(`Soita ${phone}, kiitos.`), phone).toEqual([['phone', phone]]);
    }
    expect(redactions('puh. 044 555 1212')).toEqual([['phone', '044 555 1212']]);
    // The number, not the year after it.
    expect(redactions('numero 040 123 4567 2025 alkaen')).toEqual([['phone', '040 123 4567']]);
  });

  it('no phone numbers in years, amounts, times, dates, lines or postal codes', () => {
    for (const text of [
      'vuonna 2025', '500 000 €', '2 000 000 000 euroa', '1 050 000 euroa', 'klo 7.30', 'klo 07.30–16.00', '12.3.2025',
      '2025-03-12', '01 02 2025', 'linja 21', 'bussi 550', '00100 Helsinki', 'postinumero 02100', '06:15, 07:45', '0,4 %', '24/7',
    ]) {
      expect(redact(text), text).toEqual([text]);
    }
  });

  it('Finnish and Swedish personal identity codes', () => {
    for (const id of ['131052-308T', '010594Y9032', '020304A123B', '150812A0163', '311299-999X', '241089-123k', '19850312-1234', '850312-1234', '198503121234']) {
      expect(redactions(`tunnus ${id} on väärin`), id).toEqual([['personalId', id]]);
    }
    // No such day or month.
    expect(redact('koodi 321352-308T')).toEqual(['koodi 321352-308T']);
  });

  it('street addresses with a house number, stair and apartment', () => {
    for (const [text, address] of [
      ['Asun Koivutie 5 ja', 'Koivutie 5'],
      ['Rantakatu 12 B 7 on', 'Rantakatu 12 B 7'],
      ['Mannerheimintie 10 as. 4', 'Mannerheimintie 10 as. 4'],
      ['Storgatan 3 A 12', 'Storgatan 3 A 12'],
      ['asun Kirkkotie 4:ssä', 'Kirkkotie 4'],
      ['Koivutiellä 5 on kuoppa', 'Koivutiellä 5'],
      ['Strandvägen 7 C.', 'Strandvägen 7 C'],
      ['Vanha Turuntie 3 B 14:ssä', 'Vanha Turuntie 3 B 14'],
      ['Mäkikadulla 14a on', 'Mäkikadulla 14a'],
      ['Åkervägen 15 lgh 1102', 'Åkervägen 15 lgh 1102'],
      ['Kivikaaren 7 kohdalla', 'Kivikaaren 7'],
      ['at 12 Baker Street.', '12 Baker Street'],
      ['at Maple Avenue 23 and', 'Maple Avenue 23'],
    ] as const) {
      expect(redactions(text), text).toEqual([['address', address]]);
    }
  });

  it('no addresses without a number, or with a year, a date or a quantity after the street', () => {
    for (const text of [
      'Koivutie on liukas', 'Rantakadulla ja Mannerheimintiellä', 'Koivutiellä 5 minuutin päässä', 'Rantatie 3 km',
      'Rantatie 2025 -hanke', 'Koivutiellä 12.3.2025', 'Valtatie 4 on ruuhkainen', 'Park Road opens at 9 am',
    ]) {
      expect(redact(text), text).toEqual([text]);
    }
  });

  it('names after greetings, in sign-offs and introductions, keeping the phrase', () => {
    for (const [text, name] of [
      ['Terveisin Matti Meikäläinen', 'Matti Meikäläinen'],
      ['Ystävällisin terveisin, Liisa', 'Liisa'],
      ['t. Pekka', 'Pekka'],
      ['T: Anu K.', 'Anu K.'],
      ['Mvh Anna Svensson', 'Anna Svensson'],
      ['Med vänlig hälsning Erik Lindqvist', 'Erik Lindqvist'],
      ['Hälsningar, Kaj', 'Kaj'],
      ['Hej Maria, tack', 'Maria'],
      ['Hei Jukka! Tie on', 'Jukka'],
      ['Moi Sanna', 'Sanna'],
      ['Best regards, John Smith', 'John Smith'],
      ['Kind regards Mary', 'Mary'],
      ['Thanks, Tom', 'Tom'],
      ['Nimeni on Matti Virtanen ja', 'Matti Virtanen'],
      ['Jag heter Eva Berg.', 'Eva Berg'],
      ['My name is Ali Hassan.', 'Ali Hassan'],
      ['Terveisin,\nMatti Meikäläinen\n', 'Matti Meikäläinen'],
      ['Dear Mr. Virtanen,', 'Virtanen'],
      ['Hei, Jukka!', 'Jukka'],
      ['… som sagt. /Kaj Holm', 'Kaj Holm'],
    ] as const) {
      expect(redactions(text), text).toEqual([['name', name]]);
    }
  });

  it('no names in greetings to the town, the city or everyone', () => {
    for (const text of [
      'Hei kaupunki', 'Hei Koivulahti', 'Hej Björkby', 'Hei Kaupunki!', 'Hej Kommunen', 'Hei kaikki', 'Hei Kaikki!',
      'Hej alla', 'Hi all', 'Hello everyone', 'Hello Everyone', 'Hei Koivulahden kaupunki', 'Terveisin huolestunut asukas',
      'Terveisin Huolestunut asukas', 'Med vänlig hälsning, en orolig förälder', 'Hei,\nHaluaisin kysyä', 'Kiitos, Koivutien valot',
      'Thanks for the benches', 'Kiitos kaupungille', 'Dear Sir or Madam', 'Hi, I’m writing about the bus',
      'Reitti Helsinki – Turku',
    ]) {
      expect(redact(text), text).toEqual([text]);
    }
  });

  it('several kinds in one text, in order', () => {
    expect(redactions('Terveisin Pekka Kivimäki, Koivutie 5, puh. 040 123 4567, pekka@example.fi, 131052-308T').map(([kind]) => kind)).toEqual([
      'name', 'address', 'phone', 'email', 'personalId',
    ]);
    // A name stops where an address begins.
    expect(redactions('Terveisin Pekka Koivutie 5')).toEqual([['name', 'Pekka'], ['address', 'Koivutie 5']]);
  });
});

describe('the quote', () => {
  const fragments = [
    'Hei Jukka! ', 'Terveisin Matti Meikäläinen', '040 123 4567', ' Koivutie 5 ', 'Koivutie', ' on liukas. ', '131052-308T',
    'anna[at]gmail.com', 'klo 7.30', '12.3.2025', '500 000 €', ' linja 21 ', 'Mvh Anna', '\n', ', ', ' ', 'Hej alla! ',
    '+46 70 123 45 67', 'Storgatan 3 A 12', 'Thanks, Tom', 'ä', '0', '-',
  ];
  const texts = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((a) => a.join('')));

  it('reproduces the original text apart from the redacted spans, with adjacent strings merged', () => {
    const check = (text: string) => {
      const parts = redact(text);
      expect(align(text, parts), JSON.stringify({ text, parts })).not.toBeNull();
      parts.forEach((part, i) => {
        if (typeof part !== 'string') return;
        expect(part).not.toBe('');
        expect(typeof parts[i + 1]).not.toBe('string');
      });
    };
    for (const c of cases) check(c.text);
    fc.assert(fc.property(texts, check), { numRuns: 2000 });
    expect(redact('')).toEqual([]);
  });

  it('is written out with a label per kind', () => {
    const fi = { email: 'sähköposti', phone: 'puhelinnumero', personalId: 'henkilötunnus', address: 'osoite', name: 'nimi' };
    const text = 'Hei Jukka! Asun Koivutie 5:ssä, soita 040 123 4567 tai laita viestiä matti (at) example.fi. Hetu 131052-308T.';
    expect(redact(text)).toEqual([
      'Hei ', { redacted: 'name' }, '! Asun ', { redacted: 'address' }, ':ssä, soita ', { redacted: 'phone' },
      ' tai laita viestiä ', { redacted: 'email' }, '. Hetu ', { redacted: 'personalId' }, '.',
    ]);
    expect(quoteText(redact(text), fi)).toBe('Hei [nimi]! Asun [osoite]:ssä, soita [puhelinnumero] tai laita viestiä [sähköposti]. Hetu [henkilötunnus].');
    expect(quoteText(redact('Koivutie on liukas.'), fi)).toBe('Koivutie on liukas.');
    expect(quoteText([], fi)).toBe('');
  });
});
