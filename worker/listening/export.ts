/**
 * The listening report as a file for a report of one's own: XLSX with the themes, their quotes,
 * what rose, and how it was made; CSV with a row per theme and its quotes; JSON and NDJSON as
 * the API gives them. Quotes are the redacted ones, each removal written as "[email removed]"
 * in the file's language: nothing removed comes back in a file.
 */
import type { Lang } from '../schema/common.ts';
import type { ListeningReport } from '../schema/listening.ts';
import { csvRow } from '../export/csv.ts';
import type { Delimiter } from '../export/csv.ts';
import { helsinkiTime } from '../export/helsinki-time.ts';
import type { ExportWriters } from '../export/file.ts';
import { SheetWriter } from '../export/xlsx/sheet.ts';
import type { Column } from '../export/xlsx/sheet.ts';
import { workbookChunks } from '../export/xlsx/workbook.ts';
import { quoteText } from './redact.ts';
import type { RedactedKind } from './redact.ts';

const LABELS = {
  fi: {
    removed: { email: 'sähköposti poistettu', phone: 'puhelinnumero poistettu', personalId: 'henkilötunnus poistettu', address: 'osoite poistettu', name: 'nimi poistettu' },
    themes: 'Teemat', quotes: 'Lainaukset', rising: 'Nousussa', method: 'Menetelmä',
    theme: 'Teema', name: 'Nimi', size: 'Tekstejä', share: 'Osuus', thisWeek: 'Viimeiset 7 päivää', weeklyBefore: 'Viikossa 4 viikkoa ennen', topics: 'Aiheet', places: 'Paikat', languages: 'Kielet', terms: 'Sanat',
    source: 'Lähde', ref: 'Tunnus', created: 'Lähetetty (Suomen aikaa)', lang: 'Kieli', quote: 'Lainaus', word: 'Sana', recent: 'Viimeiset 7 päivää', recentTotal: 'Kaikki viimeiset 7 päivää', before: '8 viikkoa ennen', beforeTotal: 'Kaikki 8 viikkoa ennen', growth: 'Kasvu (osuus nyt / ennen)',
    feedback: 'palaute', statement: 'kannanotto',
    methodText: [
      'Tekstit: palautteiden vapaat vastaukset ja asukkaiden kannanotot keskusteluissa, roskapostiksi merkityt pois.',
      'Kieli tunnistetaan tekstistä (suomi, ruotsi, englanti). Sanat perusmuotoon Snowball-typistimillä, täytesanat pois, yhdyssanat osiin, ja kunnallisten käsitteiden sanasto yhdistää kielet.',
      'Painotus TF-IDF, tiivistys 40 ulottuvuuteen (LSA), ryhmittely k-means (kosini), viidestä alusta tiivein.',
      'Teeman nimi: sanat, joita sen teksteissä on eniten enemmän kuin kaikissa teksteissä, kirjoitettuina kuten asukkaat ne kirjoittivat.',
      'Lainaukset: teeman keskustaa lähimmät tekstit sanasta sanaan; henkilötiedot (sähköpostit, puhelinnumerot, henkilötunnukset, osoitteet numeroineen, nimet tervehdysten jälkeen) on poistettu ja poisto merkitty.',
      'Nousussa: osuus viimeisten 7 päivän teksteistä verrattuna 8 viikkoon ennen niitä, kumpikin tasoitettuna yhdellä tekstillä.',
      'Sävyä (myönteinen/kielteinen) ei arvioida: suomen ja ruotsin sävysanastoa, johon voisi viitata, ei ole käytössä.',
    ],
  },
  sv: {
    removed: { email: 'e-post borttagen', phone: 'telefonnummer borttaget', personalId: 'personbeteckning borttagen', address: 'adress borttagen', name: 'namn borttaget' },
    themes: 'Teman', quotes: 'Citat', rising: 'Ökar', method: 'Metod',
    theme: 'Tema', name: 'Namn', size: 'Texter', share: 'Andel', thisWeek: 'Senaste 7 dagarna', weeklyBefore: 'Per vecka 4 veckor före', topics: 'Ämnen', places: 'Platser', languages: 'Språk', terms: 'Ord',
    source: 'Källa', ref: 'Kod', created: 'Skickad (finsk tid)', lang: 'Språk', quote: 'Citat', word: 'Ord', recent: 'Senaste 7 dagarna', recentTotal: 'Alla senaste 7 dagarna', before: '8 veckor före', beforeTotal: 'Alla 8 veckor före', growth: 'Ökning (andel nu / före)',
    feedback: 'respons', statement: 'påstående',
    methodText: [
      'Texter: responsens fritextsvar och invånarnas påståenden i samtal, utom skräppost.',
      'Språket känns igen ur texten (finska, svenska, engelska). Orden stammas med Snowball, utfyllnadsord bort, sammansättningar delas, och en ordlista över kommunala begrepp förenar språken.',
      'Viktning TF-IDF, reducering till 40 dimensioner (LSA), gruppering k-means (cosinus), den tätaste av fem starter.',
      'Ett temas namn: de ord som är mest vanligare i dess texter än i alla texter, skrivna som invånarna skrev dem.',
      'Citat: texterna närmast temats mitt ordagrant; personuppgifter (e-post, telefonnummer, personbeteckningar, adresser med nummer, namn efter hälsningar) är borttagna och markerade.',
      'Ökar: andelen av de senaste 7 dagarnas texter mot de 8 veckorna före, båda utjämnade med en text.',
      'Ton (positiv/negativ) bedöms inte: det finns ingen finsk och svensk tonordlista här att hänvisa till.',
    ],
  },
  en: {
    removed: { email: 'email removed', phone: 'phone number removed', personalId: 'identity code removed', address: 'address removed', name: 'name removed' },
    themes: 'Themes', quotes: 'Quotes', rising: 'Rising', method: 'Method',
    theme: 'Theme', name: 'Name', size: 'Texts', share: 'Share', thisWeek: 'Last 7 days', weeklyBefore: 'A week in the 4 weeks before', topics: 'Topics', places: 'Places', languages: 'Languages', terms: 'Words',
    source: 'Source', ref: 'Reference', created: 'Sent (Finnish time)', lang: 'Language', quote: 'Quote', word: 'Word', recent: 'Last 7 days', recentTotal: 'All in the last 7 days', before: '8 weeks before', beforeTotal: 'All in the 8 weeks before', growth: 'Growth (share now / before)',
    feedback: 'feedback', statement: 'statement',
    methodText: [
      'Texts: the free-text answers of feedback and residents\' statements in conversations, spam left out.',
      'The language is recognised from the text (Finnish, Swedish, English). Words are stemmed with Snowball, filler words dropped, compounds split, and a glossary of municipal concepts joins the languages.',
      'Weighting TF-IDF, reduced to 40 dimensions (LSA), grouped by k-means (cosine), the tightest of five starts.',
      'A theme\'s name: the words most more common in its texts than in all texts, written as residents wrote them.',
      'Quotes: the texts nearest the theme\'s centre, word for word; personal data (emails, phone numbers, identity codes, addresses with numbers, names after greetings) removed and marked.',
      'Rising: the share of the last 7 days\' texts against the 8 weeks before them, each smoothed by one text.',
      'Tone (positive/negative) is not judged: no Finnish and Swedish sentiment lexicon is at hand here to cite.',
    ],
  },
} satisfies Record<Lang, { removed: Record<RedactedKind, string> } & Record<string, unknown>>;

const counted = (list: { value: string; count: number }[]) => list.map((c) => `${c.value} (${c.count})`).join(', ');
const langs = (l: Partial<Record<Lang, number>>) => Object.entries(l).map(([k, v]) => `${k} ${v}`).join(', ');

export function listeningWriters(report: ListeningReport, lang: Lang): ExportWriters {
  const t = LABELS[lang];
  const quote = (parts: Parameters<typeof quoteText>[0]) => quoteText(parts, t.removed);
  const maxQuotes = Math.max(0, ...report.themes.map((th) => th.quotes.length));
  return {
    async *csv(delimiter: Delimiter) {
      yield '\uFEFF' + csvRow([t.theme, t.name, t.size, t.share, t.thisWeek, t.weeklyBefore, t.topics, t.places, t.languages, t.terms, ...Array.from({ length: maxQuotes }, (_, i) => `${t.quote} ${i + 1}`)], delimiter);
      for (const th of report.themes) {
        yield csvRow([th.id, th.name.join(', '), th.size, Math.round(th.share * 1000) / 10, th.trend.thisWeek, th.trend.weeklyBefore, counted(th.topics), counted(th.places), langs(th.languages), th.terms.map((w) => w.word).join(', '), ...th.quotes.map((q) => quote(q.parts))], delimiter);
      }
    },
    xlsx() {
      const col = (heading: string, kind: Column['kind'] = 'text', width?: number): Column => ({ heading, kind, width });
      const themes = new SheetWriter(t.themes, [col(t.theme, 'integer', 8), col(t.name, 'text', 36), col(t.size, 'integer'), col(t.share, 'percent'), col(t.thisWeek, 'integer'), col(t.weeklyBefore, 'text'), col(t.topics, 'text', 30), col(t.places, 'text', 30), col(t.languages), col(t.terms, 'text', 50)], { table: true });
      const quotes = new SheetWriter(t.quotes, [col(t.theme, 'integer', 8), col(t.source), col(t.ref, 'text', 24), col(t.created, 'text', 20), col(t.lang, 'text', 8), col(t.quote, 'text', 100)], { table: true, wrap: true });
      const rising = new SheetWriter(t.rising, [col(t.word, 'text', 24), col(t.recent, 'integer'), col(t.recentTotal, 'integer'), col(t.before, 'integer'), col(t.beforeTotal, 'integer'), col(t.growth, 'text')], { table: true });
      const method = new SheetWriter(t.method, [col(t.method, 'text', 120)], { wrap: true });
      return workbookChunks(
        [
          { sheet: themes, rows: () => report.themes.map((th) => themes.row([th.id, th.name.join(', '), th.size, th.share, th.trend.thisWeek, String(th.trend.weeklyBefore), counted(th.topics), counted(th.places), langs(th.languages), th.terms.map((w) => `${w.word} (${w.texts})`).join(', ')])) },
          { sheet: quotes, rows: () => report.themes.flatMap((th) => th.quotes.map((q) => quotes.row([th.id, t[q.source], q.ref, helsinkiTime(q.createdAt), q.lang, quote(q.parts)]))) },
          {
            sheet: rising,
            rows: () => [
              ...report.rising.terms.map((r) => rising.row([r.word, r.recent, r.recentTotal, r.before, r.beforeTotal, r.growth.toFixed(2)])),
              ...report.rising.themes.map((r) => rising.row([`${t.theme} ${r.theme}`, r.recent, r.recentTotal, r.before, r.beforeTotal, r.growth.toFixed(2)])),
            ],
          },
          { sheet: method, rows: () => [`${report.period.from} – ${report.period.to}`, ...t.methodText].map((line) => method.row([line])) },
        ],
        t.themes,
      );
    },
    async *json() {
      yield JSON.stringify(report);
    },
    async *ndjson() {
      for (const th of report.themes) yield JSON.stringify(th) + '\n';
    },
  };
}
