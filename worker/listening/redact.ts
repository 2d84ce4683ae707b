/**
 * Personal data out of residents' feedback before it is quoted in the social listening report.
 *
 * A quote keeps the resident's own words (Finnish, Swedish or English) and replaces each piece of
 * personal data by its kind, so the report shows that something was removed and what. Found:
 * e-mail addresses (also written out as "(at)" / "dot"), phone numbers, Finnish and Swedish
 * personal identity codes, street addresses with a house number, and names after greetings,
 * in sign-offs and in introductions ("Nimeni on …").
 *
 * Everything here is a pattern over the text; nothing is looked up. The patterns prefer to miss
 * an odd form over eating ordinary words: dates, times, years, prices, bus lines and street
 * names without a number stay, since officials need them.
 */

export type RedactedKind = 'email' | 'phone' | 'personalId' | 'address' | 'name';
/** A quote: the resident's own words, with each piece of personal data replaced by its kind. */
export type QuotePart = string | { redacted: RedactedKind };

interface Span {
  start: number;
  end: number;
  kind: RedactedKind;
}

/* ---------------------------------------------------------------- email */

/** The local part and the domain's labels: letters (any script), digits and the usual symbols. */
const LOCAL = String.raw`[\p{L}\p{N}_%+-]+`;
const LABEL = String.raw`[\p{L}\p{N}-]+`;
/** A dot written out, as people do to fool harvesters: "(dot)", "[piste]", " punkt ". */
const SPOKEN_DOT = String.raw`(?:\s*[(\[{<]\s*(?:dot|piste|punkt)\s*[)\]}>]\s*|\s+(?:dot|piste|punkt)\s+)`;
const DOT = String.raw`(?:\.|${SPOKEN_DOT})`;
/** "@", with or without spaces, or an "at" in brackets: "(at)", "[at]", "(ät)", "(a)", "(miukumauku)". */
const AT = String.raw`(?:\s*@\s*|\s*[(\[{<]\s*(?:at|ät|a|miukumauku|kissanhäntä|snabel-?a)\s*[)\]}>]\s*)`;
const TLD = String.raw`\p{L}{2,24}(?![\p{L}\p{N}-])`;
/** "matti.virtanen@example.fi", "matti (at) example.fi", "anna[at]gmail(dot)com". */
const EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])${LOCAL}(?:${DOT}${LOCAL}){0,8}${AT}${LABEL}(?:${DOT}${LABEL}){0,8}${DOT}${TLD}`, 'giu');
/** Free mail services, for "erik at hotmail.com" (a bare "at" before another domain is ordinary English). */
const WEBMAIL = 'gmail|googlemail|hotmail|outlook|live|msn|yahoo|icloud|me|protonmail|proton|luukku|kolumbus|elisanet|welho|saunalahti|suomi24|telia|spray|bredband';
/** A bare word "at": "erik at hotmail dot com", "matti ät luukku piste com", "erik at hotmail.com". */
const EMAIL_SPOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])${LOCAL}(?:${DOT}${LOCAL}){0,8}\s+(?:at|ät|snabel-?a|miukumauku)\s+(?:${LABEL}(?:${SPOKEN_DOT}${LABEL}){0,8}${SPOKEN_DOT}|(?:${WEBMAIL})(?:\.${LABEL}){0,8}\.)${TLD}`,
  'giu',
);

/* ---------------------------------------------------------------- personal identity codes */

const DD = '(?:0[1-9]|[12]\\d|3[01])';
const MM = '(?:0[1-9]|1[0-2])';
/**
 * Finnish henkilötunnus by shape: DDMMYY, the century sign (+ - A–F Y X W V U), three digits and
 * the check character ("131052-308T", "010594Y9032"). The check character is not verified:
 * a mistyped code is just as personal.
 */
const HETU = new RegExp(String.raw`(?<![\p{L}\p{N}])${DD}${MM}\d\d[-+A-FU-Y]\d{3}[\dA-FHJ-NPR-Y](?![\p{L}\p{N}])`, 'giu');
/** Swedish personnummer: (YY)YYMMDD-NNNN ("19850312-1234", "850312-1234"), or all twelve digits in a row. */
const PERSONNUMMER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:19|20)?\d\d${MM}${DD}[-+]\d{4}|(?:19|20)\d\d${MM}${DD}\d{4})(?![\p{L}\p{N}])`,
  'gu',
);

/* ---------------------------------------------------------------- phone numbers */

/**
 * A run that may be a phone number: it starts with "+" and a country code, with a trunk "0"
 * ("040", "09") or an area code in brackets ("(09)"), and goes on in digit groups separated by
 * one space or a hyphen ("040 123 4567", "050 12 34 567", "09-310 1234", "+46 70 123 45 67"),
 * maybe with "(0)" after the country code. Only spaces and hyphens join groups, so dates
 * ("12.3.2025"), times ("klo 7.30") and decimals never do; a run right after a digit and a
 * dot or hyphen ("2025-03-12") is the tail of something else. How many digits a phone number
 * has is checked in code (phoneSpans).
 */
const PHONE = /(?<![\p{L}\p{N}_+])(?<!\d[.,–-])(?:\+\d+|\(0\d{1,4}\)|0\d*)(?:(?:[ \u00a0]?[-–][ \u00a0]?|[ \u00a0])(?:\(0\)[ \u00a0]?)?\d+)*/gu;

/** Day, month and year apart: a date, not "01 02 2025" to dial. */
const DATE = /^(?:0[1-9]|[12]\d|3[01])[ -](?:0[1-9]|1[0-2])[ -](?:19|20)\d\d$/;

/** Digits a phone number has, by how it starts: "+358…" and "00358…" carry a country code. */
function phoneDigitsFit(start: string, digits: number): boolean {
  if (start.startsWith('+')) return digits >= 8 && digits <= 15;
  if (start.startsWith('00')) return digits >= 10 && digits <= 15;
  return digits >= 8 && digits <= 12;
}

function phoneSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(PHONE)) {
    if (DATE.test(m[0])) continue;
    const groups = [...m[0].matchAll(/\d+/g)];
    // "2 000 000 000 €": groups of three after a number are an amount, not "000 000 000".
    if (/\d[ \u00a0]$/.test(text.slice(0, m.index)) && groups.every((g) => g[0].length === 3)) continue;
    // The longest run of whole groups with a phone number's count of digits: "040 123 4567 2025"
    // is the number and a year.
    let digits = groups.reduce((sum, g) => sum + g[0].length, 0);
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i]!;
      if (phoneDigitsFit(m[0], digits)) {
        spans.push({ start: m.index, end: m.index + group.index + group[0].length, kind: 'phone' });
        break;
      }
      digits -= group[0].length;
    }
  }
  return spans;
}

/* ---------------------------------------------------------------- street addresses */

/**
 * How Finnish and Swedish street names end, with the stems Finnish cases use ("katu" → "kadulla",
 * "mäki" → "mäellä", "rinne" → "rinteellä"): -tie, -katu, -kuja, -polku, -rinne, -tanhua,
 * -raitti, -väylä, -kaari, -piha, -puistikko, -ranta, -mäki, -bulevardi, -esplanadi, -aukio;
 * -vägen, -gatan, -gränd, -stigen, -backen, -allén, -torget, -kajen.
 */
const STREET_ENDINGS = [
  'tie', 'katu', 'kadu', 'kuja', 'polku', 'polu', 'rinne', 'rintee', 'tanhua', 'raitti', 'raiti', 'väylä',
  'kaari', 'kaare', 'kaar', 'piha', 'puistikko', 'puistiko', 'ranta', 'ranna', 'mäki', 'mäe', 'mäke',
  'bulevardi', 'esplanadi', 'aukio',
  'vägen', 'väg', 'gatan', 'gata', 'gränden', 'gränd', 'stigen', 'backen', 'allén', 'allé', 'torget', 'kajen',
].join('|');
/** Finnish case endings on a street name: "Koivutiellä", "Rantakadulle", "Mäkikujaa", "Koivutiehen". */
const CASE_ENDING = '(?:ll[aä]|lt[aä]|lle|ss[aä]|st[aä]|tt[aä]|hen|e?en|[aeiouyäö]?n|t?[aä])?';
/** What follows a number when it counts or measures: "Koivutiellä 5 minuuttia", "Rantatie 3 km", "100 €". */
const UNITS = String.raw`%|€|°|(?:e|m|h|v|kr|st|km|cm|mm|kg|min|krt|kpl|snt|eur|år)(?![\p{L}])|euro|metr|minuut|tunt|sekun|kert|kappal|päiv|viik|kuukau|vuo|astet|henk|hlö|kron|dag|veck|månad|minut|timm|meter|gång|grad|year|month|day|week|minute|hour|time|metre|mile`;
/**
 * A house number, maybe a range, a stair and an apartment: "5", "5-7", "12a", "12 B 7",
 * "3 A 12", "10 as. 4", "7 lgh 1102". Not a year (four digits), a date or time ("12.3.",
 * "7.30") or a quantity (UNITS); a case ending after a colon ("4:ssä") stays outside.
 */
const HOUSE = String.raw`[1-9]\d{0,2}(?![\p{N}]|[.,]\d|[ \t]?(?:${UNITS}))(?:[-–][1-9]\d{0,2}(?!\p{N}))?(?:(?:[a-zåäö]|[ \t]?[A-ZÅÄÖ]|[ \t][a-zåäö](?=[ \t]?\d))(?![\p{L}])(?:[ \t]?\d{1,3}(?![\p{N}]))?)?(?:[ \t]?(?:as|asunto|lgh|lägenhet|apt|flat)\.?[ \t]?\d{1,4}(?![\p{N}]))?`;
/** "Koivutie 5", "Rantakatu 12 B 7", "Koivutiellä 5", "Storgatan 3 A 12", "Vanha Turuntie 3". */
const STREET_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:(?:Vanha|Uusi|Iso|Pikku|Gamla|Nya|Stora|Lilla|Östra|Västra|Norra|Södra)[ \t]+)?\p{Lu}[\p{L}-]*?(?:${STREET_ENDINGS})${CASE_ENDING}[ \t]+${HOUSE}`,
  'gu',
);
/** Roads named by number and generic paths, not addresses: "Valtatie 4", "kantatie 51", "Riksväg 50", "Pyörätie 2". */
const NUMBERED_ROAD = /^(?:valta|kanta|seutu|yhdys|moottori|maan|pyörä|kävely|riks|läns|europa)(?:tie|väg)/iu;
/** English: "12 Baker Street", "221B Baker Street", "Baker Street 12", "Main Road 5". */
const EN_STREET = String.raw`(?:\p{Lu}\p{Ll}+[ \t]+){1,2}(?:Street|Road|Avenue|Lane|Drive|Boulevard|St\.|Rd\.|Ave\.)`;
const EN_ADDRESS = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:[1-9]\d{0,3}[A-Za-z]?[ \t]+${EN_STREET}|${EN_STREET}[ \t]+${HOUSE})`, 'gu');

function addressSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(STREET_ADDRESS)) {
    if (!NUMBERED_ROAD.test(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'address' });
  }
  for (const m of text.matchAll(EN_ADDRESS)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'address' });
  return spans;
}

/* ---------------------------------------------------------------- names */

/**
 * A name word: capitalised, with lower case after the first letter ("Matti", "Anna-Liisa",
 * "O'Brien", "McDonald"; not "HSL"), or an initial ("K.", "K"). A name is one to four such words,
 * with particles ("Erik af Klint") and "ja"/"och"/"and" between them ("Matti ja Liisa Virtanen").
 * Names never run over a line break.
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\p{Ll}|\p{Lu}\.?)(?![\p{L}\p{N}])`;
const NAME = new RegExp(String.raw`${NAME_WORD}(?:[ \t]+(?:(?:af|von|van|der|de|da|di|du|la|le|bin|al|el|ja|och|and|&)[ \t]+)?${NAME_WORD}){0,3}`, 'yu');
const CONNECTOR = /^(?:af|von|van|der|de|da|di|du|la|le|bin|al|el|ja|och|and|&)$/;
/**
 * Capitalised words that follow a greeting or a sign-off but are no names: the town
 * (Koivulahti, Björkby, in any case: "Koivulahden"), the city or municipality, "kaikki"/"alla"/
 * "everyone", pronouns, how people sign anonymously ("Huolestunut asukas", "Orolig förälder") and
 * what else starts a sentence after "Kiitos," or "Thanks," ("Hyvää päivää", "Have a nice day").
 */
const NOT_A_NAME = new RegExp(
  String.raw`^(?:koivulah\p{L}*|björkby\p{L}*|kaupun\p{L}*|kunta\p{L}*|kunna\p{L}*|kommun\p{L}*|stad|staden|city|council|town|municipality|` +
    String.raw`kaikki|kaikille|alla|all|everyone|everybody|there|team|tiimi|folks|te|teille|ni|du|you|sir|madam|herr|fru|` +
    String.raw`asuka\p{L}*|asukas|huolestun\p{L}*|vihainen|invånare|boende|orolig|förälder|resident\p{L}*|concerned|worried|` +
    String.raw`naapur\p{L}*|grann\p{L}*|neighbou?rs?|äiti|isä|mamma|pappa|mum|mom|dad|perhe|familjen|family|eläkeläi\p{L}*|pensionär|` +
    String.raw`nimetön|anonyymi|anonym|anonymous|keskusta|centrum|centre|center|the|this|it|we|i|i['’]m|and|but|please|hyvää|god|have)$`,
  'iu',
);

/** Where a name must end after its trigger: anywhere, before punctuation or a line end, or at the end of the text. */
type NameEnd = 'any' | 'line' | 'text';
const LINE_END = /^[ \t]*(?:[,.!?;:)]|\r?\n|$)/;
const TEXT_END = /^\s*$/;
/** After a sign-off the name may come after a comma or colon, or on the next line. */
const THEN_NEXT_LINE = String.raw`[ \t]*[,:–-]?[ \t]*(?:\r?\n[ \t]*){0,2}`;
const TRIGGER_START = String.raw`(?<![\p{L}\p{N}])`;
/** A title between greeting and name is kept: "Dear Mr. Virtanen", "Bästa herr Lindqvist". */
const TITLE = String.raw`(?:mr|mrs|ms|miss|dr|prof|herr|fru)\.?[ \t]+`;

/** Phrases after which a name follows, case-insensitive: the phrase itself is kept. */
const NAME_TRIGGERS: [RegExp, NameEnd][] = [
  // Greetings, the name right after on the same line: "Hei Jukka!", "Hej Maria,", "Moi Sanna", "Hi John".
  [new RegExp(String.raw`${TRIGGER_START}(?:hei|heippa|moi|moikka|terve|hej|hejsan|hallå|bästa|hi|hello|hey|dear)[ \t]+(?:${TITLE})?`, 'giu'), 'any'],
  // The same with a comma ("Hei, Jukka!"): only a name that ends the phrase, not "Hei, Haluaisin kysyä".
  [new RegExp(String.raw`${TRIGGER_START}(?:hei|moi|hej|hi|hello|hey|dear)[ \t]*,[ \t]*`, 'giu'), 'line'],
  // Sign-offs: "Terveisin Matti Meikäläinen", "Ystävällisin terveisin, Liisa", "t. Pekka", "T: Anu K.",
  // "Mvh Anna Svensson", "Med vänlig hälsning Erik Lindqvist", "Hälsningar, Kaj", "Best regards, John Smith".
  [
    new RegExp(
      String.raw`${TRIGGER_START}(?:(?:ystävällisin|parhain|lämpimin|parhaat)\s+terveisin|terveisin|terveisiä|terv\.|yst\.\s*terv\.|ystävällisesti|t[.:]|tervehtien|kiittäen|` +
        String.raw`med\s+vänlig(?:a)?\s+hälsning(?:ar)?|vänliga\s+hälsningar|hälsningar|hälsning|mvh|` +
        String.raw`(?:best|kind|warm|warmest)\s+regards|regards|best\s+wishes|(?:yours\s+)?sincerely|yours\s+(?:truly|faithfully)|cheers)${THEN_NEXT_LINE}`,
      'giu',
    ),
    'any',
  ],
  // Introductions and form fields: "Nimeni on Matti Virtanen", "Jag heter Eva Berg", "My name is Ali Hassan",
  // "Nimi: …", "Ilmoittaja: …", "Contact person: …".
  [
    new RegExp(
      String.raw`${TRIGGER_START}(?:(?:minun\s+)?nimeni\s+on|olen\s+nimeltäni|jag\s+heter|mitt\s+namn\s+är|my\s+name\s+is|` +
        String.raw`(?:nimi|ilmoittaja|lähettäjä|yhteyshenkilö|yhteystiedot|namn|anmälare|avsändare|kontaktperson|name|sender|contact(?:\s+person)?)\s*:)${THEN_NEXT_LINE}`,
      'giu',
    ),
    'any',
  ],
  // Thanks, then a comma or a line break, then a name that ends the phrase: "Thanks, Tom", "Kiitos,\nPekka".
  [
    new RegExp(
      String.raw`${TRIGGER_START}(?:kiitos(?:\s+etukäteen|\s+paljon)?|tack(?:\s+på\s+förhand|\s+så\s+mycket)?|thanks(?:\s+in\s+advance)?|thank\s+you|many\s+thanks|best)[ \t]*(?:[,:–-][ \t]*(?:\r?\n[ \t]*)?|\r?\n[ \t]*)`,
      'giu',
    ),
    'line',
  ],
  // A signature after a dash or slash that ends the text, at the start of a line or after a sentence or
  // a number: "… odotti 4 tuntia. – Riitta", "040 123 4567 / Antti", "\n/Kaj"; not "Helsinki – Turku".
  [/(?<=(?:^|[.!?)\d])\s{0,3})[-–—/][ \t]*/gu, 'text'],
];

function nameSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [trigger, until] of NAME_TRIGGERS) {
    for (const m of text.matchAll(trigger)) {
      NAME.lastIndex = m.index + m[0].length;
      const name = NAME.exec(text);
      if (!name) continue;
      // The words up to the first that is not a name ("Hei Koivulahden asukkaat" has none).
      let end = name.index;
      for (const word of name[0].matchAll(/\S+/g)) {
        if (CONNECTOR.test(word[0])) continue;
        if (NOT_A_NAME.test(word[0].replace(/\.$/, ''))) break;
        end = name.index + word.index + word[0].length;
      }
      if (end === name.index) continue;
      const rest = text.slice(end);
      if (until === 'line' ? !LINE_END.test(rest) : until === 'text' ? !TEXT_END.test(rest) : false) continue;
      spans.push({ start: name.index, end, kind: 'name' });
    }
  }
  return spans;
}

/* ---------------------------------------------------------------- putting it together */

const spansOf = (re: RegExp, text: string, kind: RedactedKind): Span[] =>
  [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind }));

/**
 * Every piece of personal data in the text, in order and without overlaps. Kinds are taken
 * in order of certainty (an e-mail address before the digits in it, an identity code before
 * a phone number); a later candidate that overlaps an earlier one is dropped, except that a
 * name is cut short before it ("Terveisin Pekka Koivutie 5").
 */
function findSpans(text: string): Span[] {
  const candidates = [
    ...spansOf(EMAIL, text, 'email'),
    ...spansOf(EMAIL_SPOKEN, text, 'email'),
    ...spansOf(HETU, text, 'personalId'),
    ...spansOf(PERSONNUMMER, text, 'personalId'),
    ...phoneSpans(text),
    ...addressSpans(text),
    ...nameSpans(text),
  ];
  const accepted: Span[] = [];
  for (const span of candidates) {
    const { start } = span;
    let { end } = span;
    for (const other of accepted) {
      if (other.start < end && start < other.end) end = span.kind === 'name' && start < other.start ? other.start : start;
    }
    end = start + text.slice(start, end).trimEnd().length;
    if (end > start) accepted.push({ start, end, kind: span.kind });
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The text as a quote: its own words, with each piece of personal data replaced by its kind. */
export function redact(text: string): QuotePart[] {
  const parts: QuotePart[] = [];
  let at = 0;
  for (const span of findSpans(text)) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push({ redacted: span.kind });
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The quote as plain text, each redaction written as `[label]` with labels given per kind (e.g. for CSV). */
export function quoteText(parts: QuotePart[], labels: Record<RedactedKind, string>): string {
  return parts.map((part) => (typeof part === 'string' ? part : `[${labels[part.redacted]}]`)).join('');
}
