/**
 * Decisions at scale: 100,000 generated decisions (Finnish and Swedish titles from word lists,
 * varied organs, topics, districts and dates, from a seeded PRNG so every run imports the same
 * data) sent through the import endpoint in files of 10,000, then a mix of searches timed end to
 * end from this process. Loopback only.
 */

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORGANS = [
  { id: 'kaupunginvaltuusto', name: { fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige' }, weight: 1 },
  { id: 'kaupunginhallitus', name: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen' }, weight: 3 },
  { id: 'kaupunkiymparistolautakunta', name: { fi: 'Kaupunkiympäristölautakunta', sv: 'Stadsmiljönämnden' }, weight: 4 },
  { id: 'kasvatus-ja-koulutuslautakunta', name: { fi: 'Kasvatus- ja koulutuslautakunta', sv: 'Nämnden för fostran och utbildning' }, weight: 3 },
  { id: 'kulttuuri-ja-vapaa-aikalautakunta', name: { fi: 'Kulttuuri- ja vapaa-aikalautakunta', sv: 'Kultur- och fritidsnämnden' }, weight: 2 },
  { id: 'sosiaali-ja-terveyslautakunta', name: { fi: 'Sosiaali- ja terveyslautakunta', sv: 'Social- och hälsovårdsnämnden' }, weight: 2 },
  { id: 'tarkastuslautakunta', name: { fi: 'Tarkastuslautakunta', sv: 'Revisionsnämnden' }, weight: 1 },
  { id: 'tilapalvelupaallikko', name: { fi: 'Tilapalvelupäällikkö', sv: 'Lokalservicechefen' }, weight: 4 },
];

/** What a decision is about: Finnish genitive, Swedish definite form, and its topic. */
const SUBJECTS = [
  ['koulun', 'skolan', 'koulut'],
  ['päiväkodin', 'daghemmet', 'päiväkodit'],
  ['kirjaston', 'biblioteket', 'kulttuuri'],
  ['uimahallin', 'simhallen', 'liikunta'],
  ['pyörätien', 'cykelvägen', 'liikenne'],
  ['kadun', 'gatan', 'liikenne'],
  ['puiston', 'parken', 'viheralueet'],
  ['asemakaavan', 'detaljplanen', 'kaavoitus'],
  ['talousarvion', 'budgeten', 'talous'],
  ['vuokrasopimuksen', 'hyresavtalet', 'tilat'],
  ['terveysaseman', 'hälsostationen', 'terveys'],
  ['palvelutalon', 'servicehuset', 'vanhuspalvelut'],
  ['bussilinjan', 'busslinjen', 'joukkoliikenne'],
  ['jätekeräyksen', 'avfallsinsamlingen', 'ympäristö'],
  ['vesijohdon', 'vattenledningen', 'vesihuolto'],
  ['sataman', 'hamnen', 'satama'],
  ['torin', 'torget', 'kaupunkikuva'],
  ['urheilukentän', 'idrottsplanen', 'liikunta'],
  ['nuorisotalon', 'ungdomsgården', 'nuoret'],
  ['museon', 'museet', 'kulttuuri'],
] as const;

const ACTIONS = [
  ['peruskorjaus', 'grundrenovering av'],
  ['rakentaminen', 'byggande av'],
  ['laajentaminen', 'utvidgning av'],
  ['lakkauttaminen', 'indragning av'],
  ['hankinta', 'upphandling av'],
  ['suunnitelman hyväksyminen', 'godkännande av planen för'],
  ['käyttömaksujen tarkistaminen', 'justering av avgifterna för'],
  ['aukioloaikojen muuttaminen', 'ändring av öppettiderna för'],
  ['lausunto', 'utlåtande om'],
  ['myynti', 'försäljning av'],
] as const;

const DISTRICTS = [
  ['keskusta', 'Keskusta', 'Centrum'],
  ['pohjoisranta', 'Pohjoisranta', 'Norrstrand'],
  ['koivuniemi', 'Koivuniemi', 'Björknäs'],
  ['satamanmaki', 'Satamanmäki', 'Hamnbacken'],
  ['italahti', 'Itälahti', 'Östervik'],
  ['lansikyla', 'Länsikylä', 'Västerby'],
  ['kirkonkyla', 'Kirkonkylä', 'Kyrkby'],
  ['haapala', 'Haapala', 'Aspnäs'],
  ['mantyla', 'Mäntylä', 'Tallbacka'],
  ['rantakyla', 'Rantakylä', 'Strandby'],
] as const;

/** Street names: each in few decisions, for the rare-word searches. */
const STREET_STEMS = ['Kuusi', 'Mänty', 'Koivu', 'Haapa', 'Vaahtera', 'Pihlaja', 'Tammi', 'Lehmus', 'Saarni', 'Leppä', 'Kataja', 'Paju', 'Tuomi', 'Raita', 'Jalava', 'Kastanja', 'Omena', 'Kirsikka', 'Luumu', 'Päärynä'];
const STREET_KINDS = ['tie', 'katu', 'kuja', 'polku', 'rinne', 'mäki', 'ranta', 'puisto', 'aukio', 'väylä'];

const OUTCOMES = ['passed', 'passed', 'passed', 'passed', 'passed', 'passed_amended', 'rejected', 'tabled', 'returned', 'voted'] as const;

function weighted<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  const total = items.reduce((n, item) => n + item.weight, 0);
  let pick = random() * total;
  for (const item of items) if ((pick -= item.weight) < 0) return item;
  return items.at(-1)!;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const capitalize = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Decision `n` of the generated set: the same for the same n and seed. */
export function generatedDecision(n: number, random: () => number) {
  const organ = weighted(ORGANS, random);
  const [subjectFi, subjectSv, topic] = pick(SUBJECTS, random);
  const [actionFi, actionSv] = pick(ACTIONS, random);
  const [district, districtFi, districtSv] = pick(DISTRICTS, random);
  const street = `${pick(STREET_STEMS, random)}${pick(STREET_KINDS, random)}`;
  const year = 2015 + Math.floor(random() * 12);
  const day = new Date(Date.UTC(year, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10);
  const section = String(1 + Math.floor(random() * 250));
  const second = pick(SUBJECTS, random);
  return {
    sourceId: `bench-${n}`,
    organ: { id: organ.id, name: organ.name },
    meeting: { date: day },
    section,
    caseId: `KOI ${year}-${String(n).padStart(6, '0')}`,
    title: { fi: `${districtFi}: ${subjectFi} ${actionFi}`, sv: `${districtSv}: ${actionSv} ${subjectSv}` },
    summary: { fi: `${capitalize(organ.name.fi)} käsitteli ${subjectFi} ${actionFi.split(' ')[0]} osoitteessa ${street} ${1 + (n % 40)}.` },
    body: {
      fi: `## Päätös\n\n${organ.name.fi} päätti asiasta esittelijän ehdotuksen mukaisesti.\n\n## Perustelut\n\nAsia liittyy myös ${second[0]} suunnitteluun alueella ${districtFi}. Kohde sijaitsee osoitteessa **${street} ${1 + (n % 40)}**.`,
      sv: `## Beslut\n\n${organ.name.sv} beslutade i enlighet med föredragandens förslag.`,
    },
    outcome: pick(OUTCOMES, random),
    topics: [...new Set([topic, ...(random() < 0.3 ? [second[2]] : [])])],
    districts: [district],
  };
}

export const DECISIONS = 100_000;
export const PER_FILE = 10_000;

export interface ImportFigures {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  created: number;
  updated: number;
  rejected: number;
}

/** Imports the generated decisions file by file; the clock runs only while the files are sent. */
export async function measureDecisionImport(options: { api: string; token: string; total?: number; perFile?: number; seed?: number; afterFile?: (imported: number) => Promise<void> }): Promise<ImportFigures> {
  const total = options.total ?? DECISIONS;
  const perFile = options.perFile ?? PER_FILE;
  const random = prng(options.seed ?? 20_261_117);
  const sums = { created: 0, updated: 0, rejected: 0 };
  let elapsed = 0;
  for (let start = 0; start < total; start += perFile) {
    const body = Array.from({ length: Math.min(perFile, total - start) }, (_, i) => JSON.stringify(generatedDecision(start + i, random))).join('\n');
    const began = performance.now();
    const response = await fetch(`${options.api}/decisions/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/x-ndjson' },
      body,
    });
    const text = await response.text();
    elapsed += performance.now() - began;
    if (response.status !== 200) throw new Error(`decision import: ${response.status} ${text.slice(0, 500)}`);
    const report = JSON.parse(text) as { created: number; updated: number; rejected: number };
    sums.created += report.created;
    sums.updated += report.updated;
    sums.rejected += report.rejected;
    await options.afterFile?.(start + perFile); // outside the timed part
  }
  const seconds = elapsed / 1000;
  return { records: total, seconds, recordsPerSecond: total / seconds, ...sums };
}

/**
 * About 50 searches as residents type them: common and rare words, one or two, Finnish and
 * Swedish, some by word beginning, some narrowed by organ or topic.
 */
export function searchQueries(): string[] {
  const q = (words: string, filter = '') => `?q=${encodeURIComponent(words)}${filter}`;
  return [
    // Common words, alone.
    q('koulun'), q('peruskorjaus'), q('päiväkodin'), q('talousarvion'), q('hankinta'), q('lausunto'), q('kadun'), q('puiston'),
    q('skolan'), q('grundrenovering'), q('budgeten'), q('parken'),
    // By their beginnings.
    q('koulu'), q('päivä'), q('kirjas'), q('uima'), q('pyörä'), q('asema'), q('vuokra'), q('terve'),
    // Two words.
    q('koulun peruskorjaus'), q('uimahallin aukiolo'), q('pyörätien rakentaminen'), q('asemakaavan lausunto'), q('Pohjoisranta päiväkodin'),
    q('Koivuniemi puiston'), q('sataman myynti'), q('simhallen öppettiderna'), q('Norrstrand skolan'), q('torin suunnitelman'),
    // Rare words: street names, each in a few hundred decisions at most, and one in none.
    q('Vaahterakuja'), q('Pihlajarinne'), q('Kastanjaaukio'), q('Päärynäväylä'), q('Lehmuspolku'), q('Tuomiranta 17'), q('Omenamäki'),
    q('Jalavapuisto'), q('Rautatientori'),
    // Narrowed by organ or topic.
    q('koulun', '&organ=kasvatus-ja-koulutuslautakunta'), q('peruskorjaus', '&organ=kaupunkiymparistolautakunta'), q('talous', '&organ=kaupunginvaltuusto'),
    q('kuja', '&organ=tarkastuslautakunta'), q('hankinta', '&topic=liikunta'), q('lakkauttaminen', '&topic=koulut'), q('Itälahti', '&topic=liikenne'),
    q('museon', '&topic=kulttuuri'), q('bussilinjan muuttaminen', '&topic=joukkoliikenne'), q('Kirkonkylä', '&organ=kaupunginhallitus'),
    q('Mäntylä', '&topic=vanhuspalvelut'), q('nuorisotalon', '&district=haapala'),
  ];
}

export interface SearchFigures {
  /** Distinct queries in the mix; each is timed once per round. */
  queries: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** The same searches as D1 itself timed them (the API's `Server-Timing: d1;dur=`): the query alone. */
  d1: { p50: number; p95: number; max: number };
  /** Queries of the mix that found nothing (rare words do). */
  empty: number;
  /** The floor: one decision read by id (a one-row D1 query), timed the same way between the searches. */
  floor: { p50: number; p95: number };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Each query timed end to end (request to last byte) from this process, one at a time, after a
 * few warm-up queries; `rounds` passes over the mix. Between searches a decision is read by id,
 * timed the same way, for the floor that any D1-backed request pays here.
 */
export async function measureDecisionSearch(options: { api: string; rounds?: number; total?: number }): Promise<SearchFigures> {
  const queries = searchQueries();
  const get = async (path: string) => {
    const began = performance.now();
    const response = await fetch(`${options.api}/decisions${path}`);
    const body = (await response.json()) as { items?: unknown[] };
    const ms = performance.now() - began;
    if (response.status !== 200) throw new Error(`GET decisions${path}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    const d1 = Number(/(?:^|,)\s*d1;[^,]*dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1] ?? NaN);
    return { ms, d1, hits: body.items?.length ?? 0 };
  };
  for (const query of queries.slice(0, 5)) await get(query); // warm-up, not counted
  const times: number[] = [];
  const d1Times: number[] = [];
  const floor: number[] = [];
  let empty = 0;
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    for (const [i, query] of queries.entries()) {
      floor.push((await get(`/bench-${(round * 7919 + i * 104_729) % (options.total ?? DECISIONS)}`)).ms);
      const { ms, d1, hits } = await get(query);
      if (!Number.isFinite(d1)) throw new Error(`GET decisions${query}: no Server-Timing d1 duration`);
      times.push(ms);
      d1Times.push(d1);
      if (round === 0 && hits === 0) empty++;
    }
  }
  times.sort((a, b) => a - b);
  d1Times.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  return {
    queries: queries.length,
    samples: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    d1: { p50: percentile(d1Times, 50), p95: percentile(d1Times, 95), max: d1Times.at(-1)! },
    empty, floor: { p50: percentile(floor, 50), p95: percentile(floor, 95) },
  };
}
