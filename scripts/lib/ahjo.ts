/**
 * Ahjo-style decision records (the shape of Helsinki's Ahjo REST API `decisions`) mapped onto
 * Osallistu's decision import. Pure functions with no Node or Workers imports, so the CLI
 * (`scripts/ahjo-to-osallistu.ts`) and the Workers test suite use the very same mapping.
 * docs/importing-decisions.md has the field table.
 */
import type { DecisionInput } from '../../worker/schema/decisions.ts';

export interface AhjoOrganization {
  Name: string;
  ID: string;
  Type?: string | null;
}

export interface AhjoDocument {
  FileURI?: string | null;
  Title?: string | null;
  Language?: string | null;
  /** Helsinki local time without an offset, as Ahjo writes it: "2026-03-19T12:00:00.000". */
  Issued?: string | null;
}

export interface AhjoAttachment {
  Title?: string | null;
  AttachmentNumber?: string | null;
  /** "Julkinen" is public; anything else ("Salassa pidettävä", "Ei julkinen") is not. */
  PublicityClass?: string | null;
  FileURI?: string | null;
  Language?: string | null;
}

/** One Ahjo decision record: one language's version of one decision (Swedish ones are records of their own). */
export interface AhjoDecision {
  NativeId: string;
  Title: string;
  Language?: string | null;
  CaseID?: string | null;
  CaseIDLabel?: string | null;
  Section?: string | null;
  /** The decision as an HTML document. */
  Content?: string | null;
  Motion?: string | null;
  ClassificationCode?: string | null;
  ClassificationTitle?: string | null;
  Organization: AhjoOrganization;
  /** Null for an officeholder's decision, which has DateDecision instead. */
  Meeting?: { MeetingID?: string | null; DateMeeting?: string | null } | null;
  DateDecision?: string | null;
  VotingResults?: unknown[] | null;
  Attachments?: AhjoAttachment[] | null;
  PDF?: AhjoDocument | null;
  DecisionHistoryPDF?: AhjoDocument | null;
  /** Not in the Ahjo REST API's decision record; exports that carry keywords (as OpenAhjo did) get them as topics. */
  Keywords?: string[] | null;
  /** The decision's public page, e.g. on paatokset.hel.fi. */
  url?: string | null;
}

export type ImportRecord = Omit<DecisionInput, 'topics' | 'districts' | 'attachments'> & {
  sourceId: string;
  topics: string[];
  districts: string[];
  attachments: { title: Partial<Record<'fi' | 'sv', string>>; url: string; public: boolean }[];
};

type Lang = 'fi' | 'sv';

/** The records of an Ahjo API answer (`{"decisions": [...]}`) or of a bare array. */
export function ahjoRecords(json: unknown): AhjoDecision[] {
  const list = Array.isArray(json) ? json : (json as { decisions?: unknown } | null)?.decisions;
  if (!Array.isArray(list)) throw new Error('Expected an array of Ahjo decision records, or {"decisions": [...]}.');
  return list as AhjoDecision[];
}

// --- Text ------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ndash: '–', mdash: '—', hellip: '…', sect: '§', euro: '€',
  auml: 'ä', ouml: 'ö', aring: 'å', Auml: 'Ä', Ouml: 'Ö', Aring: 'Å', uuml: 'ü', eacute: 'é', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** Characters that would start Markdown syntax in running text, escaped so they stay text. */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
/** At the start of a line, also what would make a list, a quote or a heading. */
const escapeLineStart = (text: string) => text.replace(/^(\s*)(\d+)([.)])(\s|$)/, '$1$2\\$3$4').replace(/^(\s*)([-+=>])(\s|$)/, '$1\\$2$3');

const BLOCKS = new Set(['p', 'div', 'section', 'article', 'table', 'tr', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'body', 'html']);
const DROPPED = /<(head|script|style|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** The section number and the heading repeat the decision's own section and title. */
const REPEATED = /<(div|h1)\b[^>]*class="(?:Asiapykala|AsiaOtsikko)"[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Ahjo's decision HTML as Markdown: headings, paragraphs, lists, bold and italics, http(s) and
 * mailto links; everything else becomes text. The import renders the Markdown to safe HTML, so
 * nothing of the source's markup reaches a page as markup.
 */
export function htmlToMarkdown(html: string): string {
  const source = html.replace(DROPPED, '').replace(REPEATED, '').replace(/<!--[\s\S]*?-->/g, '');
  const blocks: { text: string; item: boolean }[] = [];
  let line = '';
  let item = false;
  const lists: { ordered: boolean; n: number }[] = [];
  let link: string | null = null;
  let heading = 0;

  const flush = () => {
    const text = line.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (text) blocks.push({ text: heading ? `${'#'.repeat(heading)} ${text.replace(/\s*\n\s*/g, ' ')}` : text, item });
    line = '';
    item = false;
  };
  const write = (text: string) => {
    if (!text) return;
    const fresh = line.trim() === '' || line.endsWith('\n');
    line += fresh ? escapeLineStart(escapeInline(text.trimStart())) : escapeInline(text);
  };

  for (const token of source.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>|([^<]+)/g)) {
    const [, closing, rawName, attributes, text] = token;
    if (text !== undefined) {
      write(decodeEntities(text).replace(/\s+/g, ' '));
      continue;
    }
    const name = rawName!.toLowerCase();
    const open = !closing;
    if (/^h[1-6]$/.test(name)) {
      flush();
      heading = open ? Number(name[1]) : 0;
    } else if (name === 'ul' || name === 'ol') {
      flush();
      if (open) lists.push({ ordered: name === 'ol', n: 0 });
      else lists.pop();
    } else if (name === 'li') {
      flush();
      if (open) {
        const list = lists.at(-1) ?? { ordered: false, n: 0 };
        list.n++;
        line = `${'   '.repeat(Math.max(0, lists.length - 1))}${list.ordered ? `${list.n}. ` : '- '}`;
        item = true;
      }
    } else if (name === 'br') {
      line += '\\\n'; // a hard line break
    } else if (name === 'strong' || name === 'b') {
      line += '**';
    } else if (name === 'em' || name === 'i') {
      line += '_';
    } else if (name === 'a') {
      if (open) {
        const href = decodeEntities(/\bhref\s*=\s*"([^"]*)"/i.exec(attributes ?? '')?.[1] ?? '').trim();
        link = /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
        if (link) line += '[';
      } else if (link) {
        line += `](${link.replace(/[()\s]/g, encodeURIComponent)})`;
        link = null;
      }
    } else if (name === 'td' || name === 'th') {
      if (!open) line += ' ';
    } else if (BLOCKS.has(name)) {
      flush();
    }
  }
  flush();
  // A list's items one per line (a tight list); every other block a paragraph of its own.
  return blocks
    .map((block, i) => (i === 0 ? '' : block.item && blocks[i - 1]!.item ? '\n' : '\n\n') + block.text)
    .join('')
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(DROPPED, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** The first paragraph of the decision proper (the "Päätös" / "Beslut" section), as plain text. */
export function resolutionText(html: string): string | null {
  const section = /<h3\b[^>]*>\s*(?:Päätös|Beslut)\s*<\/h3>([\s\S]*?)(?=<h3\b|$)/i.exec(html)?.[1];
  const paragraph = section ? /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(section)?.[1] : undefined;
  const text = paragraph ? htmlToText(paragraph) : '';
  return text || null;
}

// --- Fields ----------------------------------------------------------------------------------

/** "Kasvatus- ja koulutuslautakunta" → "kasvatus-ja-koulutuslautakunta", at most `max` characters. */
export function slug(text: string, max = 64): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A topic from a keyword or a classification title: lowercase words, 1–60 characters; null if nothing is left. */
export function tag(text: string): string | null {
  const value = text
    .toLowerCase()
    .replace(/[^\p{Ll}\p{N} -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[ -]+|[ -]+$/g, '')
    .slice(0, 60)
    .replace(/[ -]+$/, '');
  return value || null;
}

const lastSundayUtc = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1); // 01:00 UTC, when EU clocks change
};

/** Ahjo's Helsinki local time ("2026-03-19T12:00:00.000") with its offset: +03:00 in summer time, +02:00 otherwise. */
export function helsinkiTime(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const year = Number(y);
  const summer = asUtc - 3 * 3600_000 >= lastSundayUtc(year, 2) && asUtc - 3 * 3600_000 < lastSundayUtc(year, 9);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${summer ? '+03:00' : '+02:00'}`;
}

/**
 * The outcome, read from the decision's own words (Ahjo has no field for it): a vote, tabled
 * (pöydälle), returned for preparation (palautettiin), rejected, passed as amended, or passed.
 * A guess from wording: an editor can correct it.
 */
export function outcomeOf(record: AhjoDecision): DecisionInput['outcome'] {
  if (record.VotingResults?.length) return 'voted';
  const text = htmlToText(resolutionText(record.Content ?? '') ?? '').toLowerCase();
  if (/pöydälle|bordlade|bordläggning/.test(text)) return 'tabled';
  if (/palautt\w* asian|palautettiin|uudelleen valmisteltavaksi|återremitter|återremiss/.test(text)) return 'returned';
  if (/hylkäsi|hylättiin|avslog|förkastade/.test(text)) return 'rejected';
  if (/muutettuna|muutoksin|seuraavin muutoksin|med (följande )?ändring/.test(text)) return 'passed_amended';
  return 'passed';
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const dateOf = (record: AhjoDecision) => (record.Meeting?.DateMeeting ?? record.DateDecision ?? '').slice(0, 10);
const langOf = (record: AhjoDecision): Lang => (record.Language?.toLowerCase().startsWith('sv') ? 'sv' : 'fi');
const isWebUrl = (url: string | null | undefined): url is string => typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);

/**
 * One decision's versions, matched across languages: the same organ, meeting (or decision) day,
 * section and case. Ahjo publishes a Swedish version as a record of its own.
 */
export function decisionKey(record: AhjoDecision): string {
  return [record.Organization.ID, dateOf(record), record.Section ?? record.NativeId, record.CaseIDLabel ?? record.CaseID ?? ''].join('|');
}

const localized = (versions: Partial<Record<Lang, AhjoDecision>>, pick: (r: AhjoDecision) => string | null | undefined, max: number) => {
  const map: Partial<Record<Lang, string>> = {};
  for (const lang of ['fi', 'sv'] as const) {
    const value = versions[lang] && pick(versions[lang]!)?.trim();
    if (value) map[lang] = clip(value, max);
  }
  return Object.keys(map).length ? map : undefined;
};

/** One Osallistu import record from one decision's Ahjo records (Finnish, Swedish or both). */
export function toImportRecord(versions: Partial<Record<Lang, AhjoDecision>>): ImportRecord {
  const main = versions.fi ?? versions.sv!;
  const date = dateOf(main);
  const organSlug = slug(main.Organization.Name) || slug(main.Organization.ID);
  const section = main.Section?.trim() || undefined;
  const suffix = section ? `-${date}-${slug(section)}` : '';
  const attachments: ImportRecord['attachments'] = [];
  for (const lang of ['fi', 'sv'] as const) {
    for (const a of versions[lang]?.Attachments ?? []) {
      if (!isWebUrl(a.FileURI)) continue; // a secret attachment has no address to give
      const title = a.Title?.trim() || (lang === 'sv' ? `Bilaga ${a.AttachmentNumber ?? ''}` : `Liite ${a.AttachmentNumber ?? ''}`).trim();
      attachments.push({ title: { [lang]: clip(title, 300) }, url: a.FileURI, public: (a.PublicityClass ?? '').trim().toLowerCase() === 'julkinen' });
    }
  }
  const documents = [
    { pick: (r: AhjoDecision) => r.PDF, fi: 'Päätös (PDF)', sv: 'Beslut (PDF)' },
    { pick: (r: AhjoDecision) => r.DecisionHistoryPDF, fi: 'Päätöshistoria (PDF)', sv: 'Beslutshistorik (PDF)' },
  ];
  for (const { pick, fi, sv } of documents) {
    for (const lang of ['fi', 'sv'] as const) {
      const url = versions[lang] && pick(versions[lang]!)?.FileURI;
      if (isWebUrl(url)) attachments.push({ title: { [lang]: lang === 'fi' ? fi : sv }, url, public: true });
    }
  }
  const topics = [main.ClassificationTitle, ...(main.Keywords ?? [])].map((t) => (t ? tag(t) : null)).filter((t): t is string => t !== null);
  const issued = main.PDF?.Issued ? helsinkiTime(main.PDF.Issued) : null;
  const organName = localized(versions, (r) => r.Organization.Name, 200)!;
  const record: ImportRecord = {
    ...(section && organSlug ? { id: `${organSlug.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}` } : {}),
    sourceId: main.NativeId,
    organ: { id: organSlug, name: organName },
    meeting: { ...(main.Meeting?.MeetingID ? { id: main.Meeting.MeetingID } : {}), date },
    ...(section ? { section } : {}),
    ...(main.CaseIDLabel || main.CaseID ? { caseId: (main.CaseIDLabel ?? main.CaseID)!.trim() } : {}),
    title: localized(versions, (r) => r.Title, 500)!,
    outcome: outcomeOf(main),
    topics: [...new Set(topics)].slice(0, 20),
    districts: [],
    attachments: attachments.slice(0, 50),
  };
  const summary = localized(versions, (r) => resolutionText(r.Content ?? ''), 2000);
  if (summary) record.summary = summary;
  const body = localized(versions, (r) => (r.Content ? htmlToMarkdown(r.Content) : null), 200_000);
  if (body) record.body = body;
  const sourceUrl = [versions.fi?.url, versions.sv?.url].find(isWebUrl);
  if (sourceUrl) record.sourceUrl = sourceUrl;
  if (issued) record.publishedAt = issued;
  return record;
}

/** An Ahjo export as import records: each decision's language versions merged, in the export's order. */
export function ahjoToImport(records: AhjoDecision[]): ImportRecord[] {
  const groups = new Map<string, Partial<Record<Lang, AhjoDecision>>>();
  for (const record of records) {
    const key = decisionKey(record);
    const group = groups.get(key) ?? {};
    group[langOf(record)] ??= record;
    groups.set(key, group);
  }
  return [...groups.values()].map(toImportRecord);
}

/** The import's NDJSON body. */
export function toNdjson(records: ImportRecord[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
