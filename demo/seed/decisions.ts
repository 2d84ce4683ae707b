/**
 * Council decisions of the fictional city of Koivulahti / Björkvik (site `koivulahti`), made up but
 * shaped like the real thing: the city's organs meeting on their usual weekdays (never in the
 * summer or Christmas break), § numbers running through each organ's year, diary numbers such as
 * `KOI/1234/12.00.01/2026`, Finnish texts with Swedish translations for most decisions but not all
 * (the council's and the city board's always), Markdown bodies, some plain-language summaries
 * (selkokieli), mostly passed, attachments of which a few are not public.
 *
 * Deterministic: a seeded PRNG and a fixed calendar (meetings up to UNTIL), so every call with the
 * same count gives the same records, and re-importing them updates rather than duplicates (each
 * has its own `sourceId`).
 */
import type { DecisionInput } from '../../worker/schema/decisions.ts';

/** The last meeting day the demo knows; meetings go back about two years from it. */
const SINCE = '2024-11-25';
const UNTIL = '2026-11-10';
const SOURCE = 'https://paatokset.koivulahti.example';

type Outcome = DecisionInput['outcome'];
interface Text {
  fi: string;
  sv: string;
  en?: string;
}
type District = 'keskusta' | 'pohjoinen' | 'etelä' | 'itä' | 'länsi' | 'saaristo';

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded, never Math.random.

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let roll = this.next() * items.reduce((sum, [, w]) => sum + w, 0);
    for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
    return items.at(-1)![0];
  }
}

// ---------------------------------------------------------------------------------------------
// The city: organs, places, people.

interface OrganInfo {
  id: string;
  name: { fi: string; sv: string };
  short: string;
  /** 1 = Monday … 5 = Friday. */
  weekday: number;
  everyWeeks: number;
  /** How many of the decisions are this organ's, relatively. */
  weight: number;
  members: number;
  /** Who decides, in the middle of a sentence. */
  subject: Text;
  /** Who makes the proposal. */
  preparer: Text;
  /** "member of …": genitive in Finnish, the definite form in Swedish. */
  of: Text;
}

const organ = (info: OrganInfo) => info;
const BOARD = { fi: 'lautakunta', sv: 'nämnden' };
const ORGANS = {
  kv: organ({ id: 'kaupunginvaltuusto', name: { fi: 'Kaupunginvaltuusto', sv: 'Stadsfullmäktige' }, short: 'kv', weekday: 1, everyWeeks: 4, weight: 12, members: 51, subject: { fi: 'kaupunginvaltuusto', sv: 'stadsfullmäktige' }, preparer: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen' }, of: { fi: 'kaupunginvaltuuston', sv: 'stadsfullmäktige' } }),
  kh: organ({ id: 'kaupunginhallitus', name: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen' }, short: 'kh', weekday: 1, everyWeeks: 2, weight: 24, members: 11, subject: { fi: 'kaupunginhallitus', sv: 'stadsstyrelsen' }, preparer: { fi: 'Kaupunginjohtaja', sv: 'Stadsdirektören' }, of: { fi: 'kaupunginhallituksen', sv: 'stadsstyrelsen' } }),
  kasvo: organ({ id: 'kasvatus-ja-koulutuslautakunta', name: { fi: 'Kasvatus- ja koulutuslautakunta', sv: 'Nämnden för fostran och utbildning' }, short: 'kasvo', weekday: 3, everyWeeks: 3, weight: 19, members: 13, subject: BOARD, preparer: { fi: 'Sivistysjohtaja', sv: 'Bildningsdirektören' }, of: { fi: 'kasvatus- ja koulutuslautakunnan', sv: 'nämnden för fostran och utbildning' } }),
  kymp: organ({ id: 'kaupunkiymparistolautakunta', name: { fi: 'Kaupunkiympäristölautakunta', sv: 'Stadsmiljönämnden' }, short: 'kymp', weekday: 2, everyWeeks: 2, weight: 20, members: 13, subject: BOARD, preparer: { fi: 'Kaupunkiympäristön toimialajohtaja', sv: 'Sektordirektören för stadsmiljö' }, of: { fi: 'kaupunkiympäristölautakunnan', sv: 'stadsmiljönämnden' } }),
  kuva: organ({ id: 'kulttuuri-ja-vapaa-aikalautakunta', name: { fi: 'Kulttuuri- ja vapaa-aikalautakunta', sv: 'Kultur- och fritidsnämnden' }, short: 'kuva', weekday: 4, everyWeeks: 4, weight: 11, members: 11, subject: BOARD, preparer: { fi: 'Kulttuuri- ja vapaa-aikajohtaja', sv: 'Kultur- och fritidsdirektören' }, of: { fi: 'kulttuuri- ja vapaa-aikalautakunnan', sv: 'kultur- och fritidsnämnden' } }),
  sote: organ({ id: 'sosiaali-ja-terveyslautakunta', name: { fi: 'Sosiaali- ja terveyslautakunta', sv: 'Social- och hälsovårdsnämnden' }, short: 'sote', weekday: 2, everyWeeks: 4, weight: 7, members: 11, subject: BOARD, preparer: { fi: 'Hyvinvointijohtaja', sv: 'Välfärdsdirektören' }, of: { fi: 'sosiaali- ja terveyslautakunnan', sv: 'social- och hälsovårdsnämnden' } }),
  tark: organ({ id: 'tarkastuslautakunta', name: { fi: 'Tarkastuslautakunta', sv: 'Revisionsnämnden' }, short: 'tark', weekday: 4, everyWeeks: 6, weight: 4, members: 7, subject: BOARD, preparer: { fi: 'Tarkastuslautakunnan puheenjohtaja', sv: 'Revisionsnämndens ordförande' }, of: { fi: 'tarkastuslautakunnan', sv: 'revisionsnämnden' } }),
};
type OrganKey = keyof typeof ORGANS;

/** A named place: nominative and genitive in Finnish, the name in Swedish. */
interface Place {
  district: District;
  fi: string;
  gen: string;
  sv: string;
}
const place = (district: District, fi: string, gen: string, sv: string): Place => ({ district, fi, gen, sv });

const SCHOOLS = [
  place('keskusta', 'Keskuskoulu', 'Keskuskoulun', 'Centralskolan'),
  place('pohjoinen', 'Koivumäen koulu', 'Koivumäen koulun', 'Björkbacka skola'),
  place('pohjoinen', 'Pohjoisen yhtenäiskoulu', 'Pohjoisen yhtenäiskoulun', 'Norra enhetsskolan'),
  place('etelä', 'Hiekkarannan koulu', 'Hiekkarannan koulun', 'Sandstrands skola'),
  place('itä', 'Kuusikallion koulu', 'Kuusikallion koulun', 'Granbergets skola'),
  place('länsi', 'Myllymäen koulu', 'Myllymäen koulun', 'Kvarnbackens skola'),
  place('saaristo', 'Lehtisaaren koulu', 'Lehtisaaren koulun', 'Lövö skola'),
];
const DAYCARES = [
  place('keskusta', 'päiväkoti Torikello', 'päiväkoti Torikellon', 'daghemmet Torgklockan'),
  place('pohjoinen', 'päiväkoti Satakieli', 'päiväkoti Satakielen', 'daghemmet Näktergalen'),
  place('etelä', 'päiväkoti Simpukka', 'päiväkoti Simpukan', 'daghemmet Musslan'),
  place('itä', 'päiväkoti Käpy', 'päiväkoti Kävyn', 'daghemmet Kotten'),
  place('länsi', 'päiväkoti Tuulenpesä', 'päiväkoti Tuulenpesän', 'daghemmet Vindboet'),
];
const STREETS = [
  place('keskusta', 'Torikatu', 'Torikadun', 'Torggatan'),
  place('keskusta', 'Rantakatu', 'Rantakadun', 'Strandgatan'),
  place('pohjoinen', 'Koivumäentie', 'Koivumäentien', 'Björkbackavägen'),
  place('etelä', 'Hiekkarannantie', 'Hiekkarannantien', 'Sandstrandsvägen'),
  place('itä', 'Kuusikalliontie', 'Kuusikalliontien', 'Granbergsvägen'),
  place('länsi', 'Myllykatu', 'Myllykadun', 'Kvarngatan'),
  place('saaristo', 'Lehtisaarentie', 'Lehtisaarentien', 'Lövövägen'),
];
const AREAS = [
  place('keskusta', 'Satama-alue', 'Satama-alueen', 'Hamnområdet'),
  place('keskusta', 'Asemanseutu', 'Asemanseudun', 'Stationsområdet'),
  place('pohjoinen', 'Koivumäki', 'Koivumäen', 'Björkbacka'),
  place('etelä', 'Hiekkaranta', 'Hiekkarannan', 'Sandstrand'),
  place('itä', 'Kuusikallio', 'Kuusikallion', 'Granberget'),
  place('länsi', 'Myllymäki', 'Myllymäen', 'Kvarnbacken'),
  place('saaristo', 'Lehtisaari', 'Lehtisaaren', 'Lövö'),
];
const LIBRARIES = [
  place('keskusta', 'pääkirjasto', 'pääkirjaston', 'huvudbiblioteket'),
  place('itä', 'Kuusikallion kirjasto', 'Kuusikallion kirjaston', 'Granbergets bibliotek'),
  place('länsi', 'Myllymäen kirjasto', 'Myllymäen kirjaston', 'Kvarnbackens bibliotek'),
];
const POOLS = [
  place('itä', 'Kuusikallion uimahalli', 'Kuusikallion uimahallin', 'Granbergets simhall'),
  place('keskusta', 'Keskustan uimahalli', 'Keskustan uimahallin', 'Centrums simhall'),
];
const DISTRICT_NAMES: Record<District, Text> = {
  keskusta: { fi: 'keskusta', sv: 'centrum' },
  pohjoinen: { fi: 'pohjoinen suuralue', sv: 'norra storområdet' },
  etelä: { fi: 'eteläinen suuralue', sv: 'södra storområdet' },
  itä: { fi: 'itäinen suuralue', sv: 'östra storområdet' },
  länsi: { fi: 'läntinen suuralue', sv: 'västra storområdet' },
  saaristo: { fi: 'saaristo', sv: 'skärgården' },
};
const COUNCILLORS = ['Aino Lehtonen', 'Mikael Sjöberg', 'Pekka Virtanen', 'Leena Nieminen', 'Johanna Lindqvist', 'Tuomas Heikkinen', 'Sara Holmström', 'Jari Mäkelä'];
const MONTHS_FI = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

// ---------------------------------------------------------------------------------------------
// Numbers as Finnish and Swedish write them.

const NBSP = '\u00a0';
const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
const decimal = (n: number) => n.toFixed(1).replace('.', ',');
const euros = (n: number): Text =>
  n >= 1_000_000
    ? { fi: `${decimal(n / 1e6)} miljoonaa euroa`, sv: `${decimal(n / 1e6)} miljoner euro`, en: `€${(n / 1e6).toFixed(1)} million` }
    : { fi: `${grouped(n)} euroa`, sv: `${grouped(n)} euro`, en: `€${grouped(n).replaceAll(NBSP, ',')}` };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const finnishDate = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------
// What the organs decide: templates filled in per decision.

interface Ctx {
  r: Rng;
  /** The council's latest meeting before this one, if any. */
  councilBefore?: string;
  /** A random whole number that is the same for the same range within one decision, so Finnish and Swedish agree. */
  n: (min: number, max: number) => number;
  year: number;
  /** 1–12. */
  month: number;
  date: string;
  /** The school year being prepared: "2026–2027". */
  schoolYear: string;
}

interface Draft {
  title: Text;
  summary: Text;
  /** Continues "… ehdottaa, että lautakunta …" / "… föreslår att nämnden …": a verb first. */
  proposal: Text;
  background: Text;
  list?: { fi: string[]; sv: string[] };
  plain?: { fi: string; sv?: string };
  districts?: District[];
  /** Instead of the template's topics. */
  topics?: string[];
  attachments?: Text[];
  /** The usual spread of outcomes is replaced when given. */
  outcomes?: [Outcome, number][];
}

interface Template {
  organs: OrganKey[];
  topics: string[];
  /** JHS 191 task class for the diary number. */
  taskClass: string;
  weight?: number;
  /** In which months it comes up; any month when left out. */
  months?: number[];
  make: (ctx: Ctx) => Draft;
}

const TEMPLATES: Template[] = [
  // --- Kasvatus ja koulutus ----------------------------------------------------------------
  {
    organs: ['kasvo'],
    topics: ['koulut'],
    taskClass: '12.00.01',
    weight: 3,
    make: ({ r, year }) => {
      const s = r.pick(SCHOOLS);
      const cost = euros(r.int(40, 180) * 100_000);
      const built = r.int(1956, 1988);
      return {
        title: { fi: `${s.gen} peruskorjauksen hankesuunnitelma`, sv: `Projektplan för renoveringen av ${s.sv}` },
        summary: {
          fi: `${s.gen} peruskorjaus maksaa arviolta ${cost.fi}. Koulu toimii korjauksen ajan väistötiloissa, ja työt valmistuvat vuonna ${year + 2}.`,
          sv: `Renoveringen av ${s.sv} beräknas kosta ${cost.sv}. Skolan verkar i ersättande lokaler under renoveringen, som blir klar år ${year + 2}.`,
        },
        proposal: {
          fi: `hyväksyy ${s.gen} peruskorjauksen hankesuunnitelman tilojen käyttäjän osalta ja esittää sen kaupunginhallituksen hyväksyttäväksi.`,
          sv: `godkänner projektplanen för renoveringen av ${s.sv} för användarens del och för den vidare till stadsstyrelsen för godkännande.`,
        },
        background: {
          fi: `Koulurakennus on valmistunut vuonna ${built}, ja sen ilmanvaihto, vesijohdot ja sähköverkko ovat käyttöikänsä lopussa. Kuntotutkimuksessa löytyi kosteusvaurioita alakerran luokista.`,
          sv: `Skolbyggnaden blev klar år ${built}, och dess ventilation, vattenledningar och elnät har nått slutet av sin livslängd. Vid konditionsundersökningen hittades fuktskador i klassrummen i nedre våningen.`,
        },
        list: {
          fi: ['väistötilat: moduulirakennus koulun pihalla', `rakentaminen ${year + 1}–${year + 2}`, 'esteettömyys paranee: hissi ja luiskat'],
          sv: ['ersättande lokaler: modulbyggnad på skolgården', `byggande ${year + 1}–${year + 2}`, 'tillgängligheten förbättras: hiss och ramper'],
        },
        plain: { fi: `${s.fi} korjataan. Korjaus maksaa ${cost.fi}. Oppilaat opiskelevat korjauksen ajan toisessa rakennuksessa.`, sv: `${s.sv} renoveras. Under renoveringen studerar eleverna i en annan byggnad.` },
        districts: [s.district],
        attachments: [{ fi: 'Hankesuunnitelma', sv: 'Projektplan' }, { fi: 'Kuntotutkimusraportti', sv: 'Rapport från konditionsundersökningen' }],
      };
    },
  },
  {
    organs: ['kasvo'],
    topics: ['koulut'],
    taskClass: '12.01.00',
    months: [1, 2, 3, 4],
    make: ({ r, schoolYear }) => {
      const a = r.pick(AREAS.filter((x) => x.district !== 'saaristo'));
      const homes = r.int(12, 60) * 10;
      return {
        title: { fi: `Oppilaaksiottoalueet lukuvuodelle ${schoolYear}`, sv: `Elevupptagningsområden för läsåret ${schoolYear}` },
        summary: {
          fi: `Oppilaaksiottoalueiden rajoja muutetaan ${a.gen} uuden asuinalueen vuoksi. Muutos koskee vain uusia oppilaita.`,
          sv: `Gränserna för elevupptagningsområdena ändras på grund av det nya bostadsområdet i ${a.sv}. Ändringen gäller bara nya elever.`,
        },
        proposal: { fi: `vahvistaa perusopetuksen oppilaaksiottoalueet lukuvuodelle ${schoolYear} liitteen mukaisesti.`, sv: `fastställer elevupptagningsområdena för den grundläggande utbildningen för läsåret ${schoolYear} enligt bilagan.` },
        background: {
          fi: `Oppilaaksiottoalue määrää lähikoulun, johon oppilas ohjataan. ${a.gen} alueelle valmistuu noin ${homes} uutta asuntoa, ja alueen koulun oppilasmäärä kasvaa lähivuosina.`,
          sv: `Elevupptagningsområdet avgör vilken närskola eleven anvisas. I ${a.sv} blir cirka ${homes} nya bostäder klara, och elevantalet i områdets skola ökar de närmaste åren.`,
        },
        plain: { fi: 'Lapsi menee yleensä kouluun, joka on lähellä kotia. Kaupunki päättää, mikä koulu on lapsen lähikoulu.', sv: 'Barnet går oftast i en skola nära hemmet. Staden bestämmer vilken skola som är barnets närskola.' },
        districts: [a.district],
        attachments: [{ fi: 'Oppilaaksiottoalueiden kartta', sv: 'Karta över elevupptagningsområdena' }],
      };
    },
  },
  {
    organs: ['kasvo'],
    topics: ['koulut', 'liikenne'],
    taskClass: '12.01.00',
    months: [2, 3, 4, 5],
    make: ({ schoolYear }) => ({
      title: { fi: `Koulukuljetusten periaatteet lukuvuonna ${schoolYear}`, sv: `Principerna för skolskjutsar läsåret ${schoolYear}` },
      summary: {
        fi: 'Koulukuljetukseen on oikeus, jos koulumatka on pitkä tai vaarallinen. Saariston oppilaiden venekuljetukset kirjataan periaatteisiin ensimmäistä kertaa.',
        sv: 'Rätt till skolskjuts har den vars skolväg är lång eller farlig. Båtskjutsarna för eleverna i skärgården skrivs för första gången in i principerna.',
      },
      proposal: { fi: `hyväksyy koulukuljetusten periaatteet lukuvuodelle ${schoolYear}.`, sv: `godkänner principerna för skolskjutsar för läsåret ${schoolYear}.` },
      background: {
        fi: 'Kuljetuksia järjestetään noin 600 oppilaalle. Vaarallisuus arvioidaan yhdessä liikenneturvallisuusasiantuntijan kanssa.',
        sv: 'Skjuts ordnas för cirka 600 elever. Hur farlig en skolväg är bedöms tillsammans med en sakkunnig i trafiksäkerhet.',
      },
      list: {
        fi: ['1.–2. luokka: koulumatka yli 3 km', '3.–9. luokka: koulumatka yli 5 km', 'vaarallinen koulutie: kuljetus matkan pituudesta riippumatta'],
        sv: ['årskurs 1–2: skolväg över 3 km', 'årskurs 3–9: skolväg över 5 km', 'farlig skolväg: skjuts oberoende av avståndet'],
      },
      plain: { fi: 'Jos koulumatka on pitkä tai vaarallinen, kaupunki järjestää kyydin kouluun.', sv: 'Om skolvägen är lång eller farlig ordnar staden skjuts till skolan.' },
      districts: ['saaristo'],
    }),
  },
  {
    organs: ['kasvo'],
    topics: ['päiväkodit'],
    taskClass: '12.00.01',
    weight: 2,
    make: ({ r, year, n }) => {
      const d = r.pick(DAYCARES);
      const places = r.int(3, 8) * 7;
      return {
        title: { fi: `${cap(d.gen)} laajennus`, sv: `Utbyggnad av ${d.sv}` },
        summary: { fi: `Laajennus tuo ${places} uutta paikkaa varhaiskasvatukseen, ja se valmistuu syksyllä ${year + 1}.`, sv: `Utbyggnaden ger ${places} nya platser inom småbarnspedagogiken och blir klar hösten ${year + 1}.` },
        proposal: { fi: `hyväksyy ${d.gen} laajennuksen tarveselvityksen ja esittää hankkeen ottamista investointiohjelmaan.`, sv: `godkänner behovsutredningen för utbyggnaden av ${d.sv} och vill att projektet tas in i investeringsprogrammet.` },
        background: {
          fi: `Alueen lapsimäärä on kasvanut, ja varhaiskasvatuspaikkaa odottaa ${n(8, 30)} lasta. Nykyisessä päiväkodissa on ${n(6, 12) * 10} paikkaa.`,
          sv: `Antalet barn i området har ökat, och ${n(8, 30)} barn väntar på en plats inom småbarnspedagogiken. Det nuvarande daghemmet har ${n(6, 12) * 10} platser.`,
        },
        plain: { fi: `Päiväkotiin rakennetaan lisää tilaa. Sinne mahtuu sen jälkeen ${places} lasta enemmän.` },
        districts: [d.district],
        attachments: [{ fi: 'Tarveselvitys', sv: 'Behovsutredning' }],
      };
    },
  },
  {
    organs: ['kasvo'],
    topics: ['päiväkodit'],
    taskClass: '12.00.01',
    make: ({ year }) => ({
      title: { fi: `Varhaiskasvatuksen palveluverkkosuunnitelma ${year}–${year + 4}`, sv: `Plan för servicenätet inom småbarnspedagogiken ${year}–${year + 4}` },
      summary: {
        fi: 'Suunnitelma kertoo, missä päiväkoteja avataan, laajennetaan ja suljetaan seuraavien viiden vuoden aikana.',
        sv: 'Planen visar var daghem öppnas, byggs ut och stängs under de kommande fem åren.',
      },
      proposal: { fi: `hyväksyy varhaiskasvatuksen palveluverkkosuunnitelman vuosille ${year}–${year + 4}.`, sv: `godkänner planen för servicenätet inom småbarnspedagogiken för åren ${year}–${year + 4}.` },
      background: {
        fi: 'Syntyvyys on laskenut keskustassa mutta kasvanut pohjoisen uusilla asuinalueilla. Kahden vanhan päiväkodin toiminta siirretään uusiin tiloihin.',
        sv: 'Nativiteten har sjunkit i centrum men ökat i de nya bostadsområdena i norr. Två gamla daghems verksamhet flyttas till nya lokaler.',
      },
      list: {
        fi: ['päiväkoti Torikello yhdistetään päiväkoti Satakieleen', 'pohjoiseen uusi kuuden ryhmän päiväkoti', 'saariston perhepäivähoito säilyy'],
        sv: ['daghemmet Torgklockan slås samman med daghemmet Näktergalen', 'ett nytt daghem med sex grupper i norr', 'familjedagvården i skärgården blir kvar'],
      },
      districts: ['keskusta', 'pohjoinen'],
      outcomes: [['passed', 6], ['passed_amended', 3], ['voted', 3], ['returned', 1]],
    }),
  },
  {
    organs: ['kasvo'],
    topics: ['koulut'],
    taskClass: '12.01.00',
    make: ({ year, month }) => ({
      title: { fi: 'Perusopetuksen tuntijaon muutos', sv: 'Ändring av timfördelningen i den grundläggande utbildningen' },
      summary: { fi: 'Kolmannen luokan äidinkielen ja kirjallisuuden opetukseen lisätään yksi viikkotunti.', sv: 'Undervisningen i modersmål och litteratur i årskurs tre utökas med en veckotimme.' },
      proposal: { fi: `hyväksyy perusopetuksen tuntijaon muutoksen syksystä ${month > 7 ? year + 1 : year} alkaen.`, sv: `godkänner ändringen av timfördelningen från och med hösten ${month > 7 ? year + 1 : year}.` },
      background: {
        fi: 'Lukutaidon heikkeneminen näkyy kansallisissa arvioinneissa. Lisätunti rahoitetaan valtion erityisavustuksella kahden vuoden ajan.',
        sv: 'Den försvagade läsförmågan syns i de nationella utvärderingarna. Tilläggstimmen finansieras med statens specialunderstöd i två år.',
      },
      plain: { fi: 'Kolmasluokkalaiset saavat enemmän lukemisen opetusta.', sv: 'Eleverna i årskurs tre får mer undervisning i läsning.' },
    }),
  },
  {
    organs: ['kasvo'],
    topics: ['koulut'],
    taskClass: '12.01.00',
    make: () => ({
      title: { fi: 'Oikaisuvaatimus koulupaikkaa koskevasta päätöksestä', sv: 'Begäran om omprövning av beslut om skolplats' },
      summary: { fi: 'Huoltaja vaati oikaisua päätökseen, jolla lapselle ei myönnetty paikkaa toivotusta koulusta.', sv: 'En vårdnadshavare begärde omprövning av beslutet att barnet inte fick plats i den önskade skolan.' },
      proposal: { fi: 'hylkää oikaisuvaatimuksen.', sv: 'avslår begäran om omprövning.' },
      background: {
        fi: 'Koulussa ei ollut vapaita paikkoja, ja oppilaat valittiin hyväksyttyjen valintaperusteiden mukaisesti. Päätöksestä voi valittaa hallinto-oikeuteen.',
        sv: 'Det fanns inga lediga platser i skolan, och eleverna valdes enligt de godkända urvalsgrunderna. Beslutet kan överklagas hos förvaltningsdomstolen.',
      },
      outcomes: [['passed', 1]],
    }),
  },
  {
    organs: ['kasvo'],
    topics: ['koulut'],
    taskClass: '12.02.00',
    make: ({ year, month }) => ({
      title: { fi: 'Lukion opetussuunnitelman päivittäminen', sv: 'Uppdatering av gymnasiets läroplan' },
      summary: {
        fi: 'Lukion valinnaisiin opintoihin lisätään opintojaksot ilmastonmuutoksesta ja tekoälystä.',
        sv: 'Till gymnasiets valfria studier fogas studieavsnitt om klimatförändringen och artificiell intelligens.',
      },
      proposal: { fi: `hyväksyy lukion opetussuunnitelman muutokset ${month > 7 ? year + 1 : year} syksystä alkaen.`, sv: `godkänner ändringarna i gymnasiets läroplan från och med hösten ${month > 7 ? year + 1 : year}.` },
      background: {
        fi: 'Opiskelijakunta ja opettajat osallistuivat muutosten valmisteluun. Muutokset eivät lisää kustannuksia.',
        sv: 'Studerandekåren och lärarna deltog i beredningen av ändringarna. Ändringarna ökar inte kostnaderna.',
      },
      districts: ['itä'],
    }),
  },
  {
    organs: ['kasvo'],
    topics: ['koulut', 'päiväkodit'],
    taskClass: '02.07.01',
    make: ({ r, year }) => {
      const value = euros(r.int(28, 45) * 100_000);
      return {
        title: { fi: 'Koulujen ja päiväkotien ruokapalveluiden hankinta', sv: 'Upphandling av måltidstjänster för skolor och daghem' },
        summary: {
          fi: `Ruokapalvelut kilpailutetaan vuosiksi ${year + 1}–${year + 4}. Vertailussa painotetaan laatua, kotimaisuutta ja kasvisvaihtoehtoja.`,
          sv: `Måltidstjänsterna konkurrensutsätts för åren ${year + 1}–${year + 4}. Vid jämförelsen betonas kvalitet, inhemskt ursprung och vegetariska alternativ.`,
        },
        proposal: { fi: 'hyväksyy hankinnan ehdot ja valintaperusteet.', sv: 'godkänner villkoren och urvalsgrunderna för upphandlingen.' },
        background: {
          fi: `Hankinnan arvo on noin ${value.fi} vuodessa. Laatu painaa vertailussa 60 prosenttia ja hinta 40 prosenttia.`,
          sv: `Upphandlingens värde är cirka ${value.sv} per år. Kvaliteten väger 60 procent och priset 40 procent vid jämförelsen.`,
        },
        attachments: [{ fi: 'Tarjouspyyntöluonnos', sv: 'Utkast till anbudsförfrågan' }],
      };
    },
  },
  {
    organs: ['kasvo'],
    topics: ['koulut', 'liikunta'],
    taskClass: '12.01.00',
    months: [1, 2, 3, 9, 10],
    make: ({ r, year, n }) => {
      const total = euros(r.int(30, 90) * 1000);
      return {
        title: { fi: `Koulujen kerhotoiminnan avustukset ${year}`, sv: `Understöd för skolornas klubbverksamhet ${year}` },
        summary: { fi: `Kerhotoimintaan jaetaan ${total.fi}. Eniten tukea saavat liikunta- ja ilmaisutaidon kerhot.`, sv: `Till klubbverksamheten fördelas ${total.sv}. Mest stöd får klubbar för idrott och uttryck.` },
        proposal: { fi: 'myöntää kerhotoiminnan avustukset liitteen mukaisesti.', sv: 'beviljar understöden för klubbverksamheten enligt bilagan.' },
        background: { fi: `Hakemuksia saatiin ${n(18, 40)}. Kerhot ovat maksuttomia ja avoimia kaikille koulun oppilaille.`, sv: `Det kom in ${n(18, 40)} ansökningar. Klubbarna är avgiftsfria och öppna för alla elever i skolan.` },
        plain: { fi: 'Kaupunki antaa rahaa koulujen kerhoille. Kerhot ovat ilmaisia.' },
      };
    },
  },
  // --- Kaupunkiympäristö ---------------------------------------------------------------------
  {
    organs: ['kymp'],
    topics: ['kaavoitus'],
    taskClass: '10.02.03',
    weight: 3,
    make: ({ r }) => {
      const a = r.pick(AREAS);
      const code = r.int(1200, 1299);
      const homes = r.int(4, 40) * 10;
      const opinions = r.int(3, 60);
      return {
        title: { fi: `Asemakaavan muutos, ${a.fi} (nro ${code})`, sv: `Detaljplaneändring, ${a.sv} (nr ${code})` },
        summary: { fi: `Kaavamuutos mahdollistaa noin ${homes} asunnon rakentamisen entiselle teollisuustontille.`, sv: `Planändringen gör det möjligt att bygga cirka ${homes} bostäder på en tidigare industritomt.` },
        proposal: { fi: 'asettaa asemakaavan muutosehdotuksen julkisesti nähtäville 30 päivän ajaksi.', sv: 'lägger fram förslaget till detaljplaneändring offentligt i 30 dagar.' },
        background: {
          fi: `Alueelle suunnitellaan kerrostaloja, pientaloja ja uusi puisto. Luonnosvaiheessa saatiin ${opinions} mielipidettä, jotka koskivat erityisesti liikennettä ja puuston säilyttämistä.`,
          sv: `I området planeras flervåningshus, småhus och en ny park. Under utkastskedet kom ${opinions} åsikter, som främst gällde trafiken och bevarandet av träden.`,
        },
        plain: { fi: 'Alueelle voi rakentaa uusia koteja. Asukkaat voivat kertoa mielipiteensä 30 päivän ajan.', sv: 'I området kan man bygga nya bostäder. Invånarna kan säga sin åsikt i 30 dagar.' },
        districts: [a.district],
        attachments: [{ fi: 'Kaavakartta ja -määräykset', sv: 'Plankarta och bestämmelser' }, { fi: 'Kaavaselostus', sv: 'Planbeskrivning' }, { fi: 'Vastineet mielipiteisiin', sv: 'Bemötanden av åsikterna' }],
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['liikenne'],
    taskClass: '10.03.01',
    weight: 2,
    make: ({ r, year, n }) => {
      const s = r.pick(STREETS);
      const trees = r.int(8, 40);
      return {
        title: { fi: `${s.gen} katusuunnitelma`, sv: `Gatuplan för ${s.sv}` },
        summary: { fi: `${s.fi} saa erilliset pyörätiet ja uudet suojatiet. Työt tehdään vuonna ${year + 1}.`, sv: `${s.sv} får separata cykelbanor och nya övergångsställen. Arbetena görs år ${year + 1}.` },
        proposal: { fi: `hyväksyy ${s.gen} katusuunnitelman.`, sv: `godkänner gatuplanen för ${s.sv}.` },
        background: {
          fi: `Kadulla kulkee arkisin noin ${grouped(n(20, 90) * 100)} ajoneuvoa ja ${grouped(n(3, 20) * 100)} pyöräilijää. Suunnitelmasta jätettiin ${n(0, 14)} muistutusta.`,
          sv: `På gatan färdas cirka ${grouped(n(20, 90) * 100)} fordon och ${grouped(n(3, 20) * 100)} cyklister per vardag. ${n(0, 14)} anmärkningar lämnades om planen.`,
        },
        list: {
          fi: ['yksisuuntaiset pyörätiet kadun molemmin puolin', 'kaksi uutta korotettua suojatietä', `${trees} uutta katupuuta`],
          sv: ['enkelriktade cykelbanor på båda sidor av gatan', 'två nya upphöjda övergångsställen', `${trees} nya gatuträd`],
        },
        plain: { fi: `${s.fi} korjataan. Kadulle tulee pyöräteitä ja turvallisempia suojateitä.`, sv: `${s.sv} byggs om. Gatan får cykelbanor och säkrare övergångsställen.` },
        districts: [s.district],
        attachments: [{ fi: 'Katusuunnitelmakartta', sv: 'Gatuplanekarta' }],
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['liikenne'],
    taskClass: '10.03.01',
    make: ({ r }) => {
      const d = r.pick(Object.keys(DISTRICT_NAMES).filter((x) => x !== 'saaristo') as District[]);
      const accidents = r.int(4, 25);
      return {
        title: { fi: `Nopeusrajoitusten muuttaminen, ${DISTRICT_NAMES[d].fi}`, sv: `Ändring av hastighetsbegränsningarna, ${DISTRICT_NAMES[d].sv}` },
        summary: { fi: 'Asuinkatujen nopeusrajoitus lasketaan 30 kilometriin tunnissa koulujen ja päiväkotien lähellä.', sv: 'Hastighetsbegränsningen på bostadsgator sänks till 30 kilometer i timmen nära skolor och daghem.' },
        proposal: { fi: 'hyväksyy nopeusrajoitusten muutokset liitteen mukaisesti.', sv: 'godkänner ändringarna av hastighetsbegränsningarna enligt bilagan.' },
        background: {
          fi: `Alueella on viiden vuoden aikana sattunut ${accidents} onnettomuutta, joissa on loukkaantunut jalankulkija tai pyöräilijä.`,
          sv: `I området har det under fem år inträffat ${accidents} olyckor där en fotgängare eller cyklist skadats.`,
        },
        plain: { fi: 'Autot ajavat hitaammin koulujen ja päiväkotien lähellä.', sv: 'Bilarna kör långsammare nära skolor och daghem.' },
        districts: [d],
        attachments: [{ fi: 'Nopeusrajoituskartta', sv: 'Karta över hastighetsbegränsningar' }],
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['liikenne'],
    taskClass: '10.03.00',
    months: [8, 9, 10, 11],
    make: ({ r }) => {
      const extra = euros(r.int(15, 40) * 10_000);
      const answers = grouped(r.int(8, 30) * 100);
      return {
        title: { fi: 'Pyöräilyn pääreittien talvikunnossapidon laatutaso', sv: 'Kvalitetsnivån för vinterunderhållet av huvudcykelstråken' },
        summary: { fi: 'Pyöräilyn pääreitit aurataan jatkossa ennen kello seitsemää arkiaamuisin.', sv: 'Huvudcykelstråken plogas i fortsättningen före klockan sju på vardagsmorgnar.' },
        proposal: {
          fi: `hyväksyy pyöräilyn pääreittien talvikunnossapidon laatutason ja esittää sen edellyttämää ${extra.fi.replace('euroa', 'euron')} lisämäärärahaa.`,
          sv: `godkänner kvalitetsnivån för vinterunderhållet av huvudcykelstråken och begär ett tilläggsanslag på ${extra.sv}.`,
        },
        background: {
          fi: `Kaupunki kysyi asukkailta, mikä talvikunnossapidossa on tärkeintä. Vastauksia saatiin ${answers}, ja eniten toivottiin pääreittien ja koulureittien aurausta.`,
          sv: `Staden frågade invånarna vad som är viktigast i vinterunderhållet. Det kom ${answers} svar, och flest önskade plogning av huvudstråken och skolvägarna.`,
        },
        plain: { fi: 'Tärkeimmät pyörätiet aurataan aikaisin aamulla.', sv: 'De viktigaste cykelvägarna plogas tidigt på morgonen.' },
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['ympäristö', 'liikenne'],
    taskClass: '10.03.02',
    make: ({ r, year }) => {
      const lights = grouped(r.int(10, 60) * 100);
      return {
        title: { fi: 'Katuvalaistuksen uusiminen LED-valaisimiksi', sv: 'Gatubelysningen förnyas med LED-armaturer' },
        summary: { fi: `Kaupunki vaihtaa ${lights} katuvaloa LED-valaisimiin vuosina ${year + 1}–${year + 3}. Sähkönkulutus puolittuu.`, sv: `Staden byter ${lights} gatlampor till LED-armaturer åren ${year + 1}–${year + 3}. Elförbrukningen halveras.` },
        proposal: { fi: 'hyväksyy katuvalaistuksen saneerausohjelman.', sv: 'godkänner saneringsprogrammet för gatubelysningen.' },
        background: {
          fi: 'Vanhat elohopealamput eivät enää ole myynnissä. Valaistusta voidaan jatkossa himmentää yöllä hiljaisilla kaduilla.',
          sv: 'De gamla kvicksilverlamporna säljs inte längre. Belysningen kan i fortsättningen dämpas nattetid på lugna gator.',
        },
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['ympäristö'],
    taskClass: '11.01.00',
    make: ({ year }) => ({
      title: { fi: `Hulevesiohjelma ${year}–${year + 5}`, sv: `Dagvattenprogram ${year}–${year + 5}` },
      summary: {
        fi: 'Ohjelma vähentää rankkasateiden aiheuttamia tulvia keskustassa ja suojelee Koivulahden vedenlaatua.',
        sv: 'Programmet minskar översvämningarna i centrum vid skyfall och skyddar vattenkvaliteten i Björkviken.',
      },
      proposal: { fi: 'hyväksyy hulevesiohjelman ja esittää sen kaupunginhallitukselle tiedoksi.', sv: 'godkänner dagvattenprogrammet och för det vidare till stadsstyrelsen för kännedom.' },
      background: {
        fi: 'Sadevedet johdetaan jatkossa viherpainanteisiin ja imeytetään maahan aina kun mahdollista.',
        sv: 'Regnvattnet leds i fortsättningen till gröna svackor och infiltreras i marken när det är möjligt.',
      },
      districts: ['keskusta'],
      attachments: [{ fi: 'Hulevesiohjelma', sv: 'Dagvattenprogram' }],
    }),
  },
  {
    organs: ['kymp'],
    topics: ['liikenne'],
    taskClass: '10.03.01',
    make: ({ r }) => {
      const fee = (r.int(12, 30) / 10).toFixed(2).replace('.', ',');
      return {
        title: { fi: 'Keskustan pysäköintimaksut', sv: 'Parkeringsavgifterna i centrum' },
        summary: { fi: `Keskustan maksullisen pysäköinnin tuntihinta on jatkossa ${fee} euroa. Asukaspysäköintitunnus säilyy ennallaan.`, sv: `Timpriset för avgiftsbelagd parkering i centrum blir ${fee} euro. Invånarparkeringstillståndet förblir oförändrat.` },
        proposal: { fi: 'hyväksyy pysäköintimaksujen muutokset.', sv: 'godkänner ändringarna av parkeringsavgifterna.' },
        background: { fi: 'Maksut ovat pysyneet samoina vuodesta 2019. Tuotot käytetään pyöräpysäköinnin parantamiseen.', sv: 'Avgifterna har varit desamma sedan 2019. Intäkterna används till att förbättra cykelparkeringen.' },
        districts: ['keskusta'],
        outcomes: [['passed', 5], ['voted', 4], ['returned', 1]],
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['kaavoitus'],
    taskClass: '10.03.02',
    make: ({ r }) => {
      const s = r.pick(STREETS.filter((x) => x.district === 'saaristo' || x.district === 'etelä'));
      const no = r.int(2, 48);
      return {
        title: { fi: `Poikkeamishakemus, ${s.fi} ${no}`, sv: `Ansökan om undantag, ${s.sv} ${no}` },
        summary: { fi: 'Hakija haluaa rakentaa omakotitalon ranta-alueelle, jolla ei ole asemakaavaa.', sv: 'Sökanden vill bygga ett egnahemshus på ett strandområde som saknar detaljplan.' },
        proposal: { fi: 'myöntää poikkeamisen ehdoin, että rakennus sijoitetaan vähintään 30 metrin päähän rantaviivasta.', sv: 'beviljar undantaget på villkor att byggnaden placeras minst 30 meter från strandlinjen.' },
        background: { fi: 'Naapureita on kuultu, ja kaksi naapuria vastusti hanketta maiseman vuoksi.', sv: 'Grannarna har hörts, och två grannar motsatte sig projektet med hänvisning till landskapet.' },
        districts: [s.district],
        outcomes: [['passed', 6], ['rejected', 3], ['tabled', 1]],
      };
    },
  },
  {
    organs: ['kymp'],
    topics: ['liikenne'],
    taskClass: '08.01.00',
    months: [3, 4, 5, 6, 9],
    make: ({ year }) => ({
      title: { fi: `Paikallisliikenteen linjasto ja aikataulut ${year + (year % 2)}`, sv: `Linjenätet och tidtabellerna för lokaltrafiken ${year + (year % 2)}` },
      summary: {
        fi: 'Linja 3 liikennöi jatkossa Lehtisaareen myös viikonloppuisin, ja keskustan linjojen vuoroväli tihenee ruuhka-aikaan.',
        sv: 'Linje 3 trafikerar i fortsättningen Lövö också under veckoslut, och turtätheten på linjerna i centrum ökar under rusningstid.',
      },
      proposal: { fi: 'hyväksyy paikallisliikenteen linjaston ja aikataulujen periaatteet.', sv: 'godkänner principerna för lokaltrafikens linjenät och tidtabeller.' },
      background: { fi: 'Matkustajamäärät ovat palanneet koronaa edeltävälle tasolle. Lisäliikenne rahoitetaan lippujen hinnankorotuksella.', sv: 'Passagerarantalet har återgått till nivån före coronan. Den utökade trafiken finansieras med en höjning av biljettpriserna.' },
      plain: { fi: 'Bussi kulkee Lehtisaareen myös lauantaina ja sunnuntaina.', sv: 'Bussen går till Lövö också på lördagar och söndagar.' },
      districts: ['saaristo', 'keskusta'],
    }),
  },
  {
    organs: ['kymp'],
    topics: ['ympäristö', 'liikunta'],
    taskClass: '10.03.02',
    make: ({ r, year, n }) => {
      const a = r.pick(AREAS);
      const cost = euros(r.int(20, 120) * 10_000);
      return {
        title: { fi: `${a.gen} puiston peruskorjaus`, sv: `Ombyggnad av parken i ${a.sv}` },
        summary: { fi: `Puistoon tulee uusi leikkipaikka, ulkokuntoiluvälineet ja valaistus. Kustannusarvio on ${cost.fi}.`, sv: `Parken får en ny lekplats, utegym och belysning. Kostnadskalkylen är ${cost.sv}.` },
        proposal: { fi: 'hyväksyy puiston yleissuunnitelman.', sv: 'godkänner parkens översiktsplan.' },
        background: { fi: `Asukkaat saivat kommentoida suunnitelmaa verkossa, ja palautetta tuli ${n(20, 150)} kappaletta. Työt alkavat keväällä ${year + 1}.`, sv: `Invånarna fick kommentera planen på nätet, och det kom ${n(20, 150)} kommentarer. Arbetena inleds våren ${year + 1}.` },
        plain: { fi: 'Puistoon tulee uusi leikkipaikka ja ulkokuntosali.' },
        districts: [a.district],
      };
    },
  },
  // --- Kaupunginhallitus ---------------------------------------------------------------------
  {
    organs: ['kh'],
    topics: ['talous'],
    taskClass: '02.02.02',
    weight: 2,
    months: [3, 4, 5, 6, 9, 10, 11],
    make: ({ r, year, month, n }) => {
      const result = r.int(-80, 60) / 10;
      const last = MONTHS_FI[month - 2]!;
      const word = result >= 0 ? { fi: 'ylijäämäinen', sv: 'ett överskott' } : { fi: 'alijäämäinen', sv: 'ett underskott' };
      return {
        title: { fi: `Talousarvion toteutuminen tammi–${last}kuussa ${year}`, sv: `Budgetutfallet januari–${MONTHS_SV[month - 2]} ${year}` },
        summary: {
          fi: `Kaupungin tilikauden tuloksen ennustetaan olevan ${decimal(Math.abs(result))} miljoonaa euroa ${word.fi}.`,
          sv: `Enligt prognosen uppvisar stadens räkenskapsperiod ${word.sv} på ${decimal(Math.abs(result))} miljoner euro.`,
        },
        proposal: { fi: 'merkitsee tiedoksi talousarvion toteutumisen ja tilikauden ennusteen.', sv: 'antecknar budgetutfallet och prognosen för räkenskapsperioden för kännedom.' },
        background: {
          fi: `Verotulot ovat kertyneet arvioitua ${result >= 0 ? 'paremmin' : 'heikommin'}. Henkilöstömenot ovat ${decimal(n(10, 45) / 10)} prosenttia edellisvuotta suuremmat.`,
          sv: `Skatteintäkterna har utfallit ${result >= 0 ? 'bättre' : 'sämre'} än beräknat. Personalkostnaderna är ${decimal(n(10, 45) / 10)} procent högre än året innan.`,
        },
        attachments: [{ fi: 'Osavuosikatsaus', sv: 'Delårsöversikt' }],
      };
    },
  },
  {
    organs: ['kh'],
    topics: ['kaavoitus', 'talous'],
    taskClass: '10.00.01',
    make: ({ r, n }) => {
      const a = r.pick(AREAS.filter((x) => x.district !== 'saaristo'));
      const block = r.int(10, 140);
      const price = euros(r.int(30, 250) * 10_000);
      return {
        title: { fi: `Tontin myynti, ${a.fi}, kortteli ${block}`, sv: `Försäljning av tomt, ${a.sv}, kvarter ${block}` },
        summary: { fi: `Kaupunki myy asuinkerrostalotontin ${price.fi.replace('miljoonaa euroa', 'miljoonalla euroa').replace('euroa', 'eurolla')}.`, sv: `Staden säljer en tomt för flervåningshus för ${price.sv}.` },
        proposal: { fi: 'päättää myydä tontin ja oikeuttaa tonttipäällikön allekirjoittamaan kauppakirjan.', sv: 'beslutar sälja tomten och befullmäktigar tomtchefen att underteckna köpebrevet.' },
        background: { fi: `Tontista saatiin ${n(2, 6)} tarjousta. Korkein tarjous ylitti arviohinnan.`, sv: `Det kom ${n(2, 6)} anbud på tomten. Det högsta anbudet översteg det uppskattade priset.` },
        districts: [a.district],
        attachments: [{ fi: 'Kartta', sv: 'Karta' }],
      };
    },
  },
  {
    organs: ['kh'],
    topics: ['sosiaalipalvelut', 'terveys'],
    taskClass: '00.04.01',
    make: ({ r, year }) => {
      const a = r.pick(AREAS.filter((x) => x.district !== 'keskusta'));
      const about = r.pick<{ title: Text; summary: Text }>([
        {
          title: { fi: 'hyvinvointialueen palveluverkkosuunnitelmasta', sv: 'välfärdsområdets plan för servicenätet' },
          summary: { fi: `Kaupunki vastustaa ${a.gen} terveysaseman sulkemista ja toivoo saaristoon liikkuvia palveluja.`, sv: `Staden motsätter sig att hälsostationen i ${a.sv} stängs och önskar mobila tjänster i skärgården.` },
        },
        {
          title: { fi: `hyvinvointialueen talousarviosta ${year + 1}`, sv: `välfärdsområdets budget för ${year + 1}` },
          summary: { fi: 'Kaupunki pitää tärkeänä, että kouluterveydenhoitajien ja -kuraattorien määrä säilyy.', sv: 'Staden anser det viktigt att antalet skolhälsovårdare och skolkuratorer bibehålls.' },
        },
        {
          title: { fi: 'neuvolapalveluiden sijainnista', sv: 'rådgivningstjänsternas placering' },
          summary: { fi: `Kaupunki esittää, että ${a.gen} neuvola siirretään uuden päiväkodin yhteyteen.`, sv: `Staden föreslår att rådgivningen i ${a.sv} flyttas till det nya daghemmet.` },
        },
        {
          title: { fi: 'hyvinvointialueen ja kaupungin yhteistyösopimuksesta', sv: 'samarbetsavtalet mellan välfärdsområdet och staden' },
          summary: { fi: 'Kaupunki ja hyvinvointialue sopivat koulujen oppilashuollon ja nuorisotyön yhteistyöstä.', sv: 'Staden och välfärdsområdet kommer överens om samarbetet inom elevvården och ungdomsarbetet.' },
        },
      ]);
      return {
        title: { fi: `Lausunto ${about.title.fi}`, sv: `Utlåtande om ${about.title.sv}` },
        summary: about.summary,
        proposal: { fi: 'antaa hyvinvointialueelle liitteen mukaisen lausunnon.', sv: 'ger välfärdsområdet ett utlåtande enligt bilagan.' },
        background: { fi: 'Hyvinvointialue vastaa sosiaali- ja terveyspalveluista, mutta kaupunki vastaa asukkaiden hyvinvoinnin edistämisestä ja maankäytöstä.', sv: 'Välfärdsområdet ansvarar för social- och hälsovårdstjänsterna, men staden ansvarar för att främja invånarnas välfärd och för markanvändningen.' },
        districts: [a.district, 'saaristo'].filter((d, i, all) => all.indexOf(d) === i) as District[],
        attachments: [{ fi: 'Lausunto', sv: 'Utlåtande' }],
      };
    },
  },
  {
    organs: ['kh'],
    topics: ['hallinto'],
    taskClass: '00.01.01',
    weight: 2,
    make: ({ n, councilBefore }) => ({
      title: councilBefore
        ? { fi: `Kaupunginvaltuuston ${finnishDate(councilBefore)} tekemien päätösten täytäntöönpano`, sv: `Verkställighet av stadsfullmäktiges beslut ${finnishDate(councilBefore)}` }
        : { fi: 'Kaupunginvaltuuston päätösten täytäntöönpano', sv: 'Verkställighet av stadsfullmäktiges beslut' },
      summary: { fi: 'Kaupunginhallitus totesi, että valtuuston edellisen kokouksen päätökset ovat syntyneet laillisessa järjestyksessä.', sv: 'Stadsstyrelsen konstaterade att besluten från fullmäktiges föregående möte har tillkommit i laga ordning.' },
      proposal: { fi: `toteaa valtuuston ${n(3, 12)} päätöstä laillisiksi ja panee ne täytäntöön.`, sv: `konstaterar att fullmäktiges ${n(3, 12)} beslut är lagliga och verkställer dem.` },
      background: { fi: 'Kaupunginhallituksen on valvottava valtuuston päätösten laillisuutta.', sv: 'Stadsstyrelsen ska övervaka att fullmäktiges beslut är lagliga.' },
      outcomes: [['passed', 1]],
    }),
  },
  {
    organs: ['kh'],
    topics: ['ympäristö'],
    taskClass: '11.01.00',
    make: ({ year }) => ({
      title: { fi: `Hiilineutraali Koivulahti -ohjelman seuranta ${year}`, sv: `Uppföljning av programmet Klimatneutrala Björkvik ${year}` },
      summary: { fi: 'Kaupungin päästöt ovat vähentyneet 38 prosenttia vuodesta 2007. Liikenteen päästöt vähenevät tavoitetta hitaammin.', sv: 'Stadens utsläpp har minskat med 38 procent sedan 2007. Trafikens utsläpp minskar långsammare än målet.' },
      proposal: { fi: 'merkitsee seurantaraportin tiedoksi ja saattaa sen valtuustolle.', sv: 'antecknar uppföljningsrapporten för kännedom och för den vidare till fullmäktige.' },
      background: { fi: 'Ohjelman 42 toimenpiteestä 30 on käynnissä ja 8 valmiina.', sv: 'Av programmets 42 åtgärder pågår 30 och 8 är klara.' },
      attachments: [{ fi: 'Seurantaraportti', sv: 'Uppföljningsrapport' }],
    }),
  },
  {
    organs: ['kh'],
    topics: ['kulttuuri', 'liikunta'],
    taskClass: '02.05.01',
    months: [1, 2, 3],
    make: ({ r, year, n }) => {
      const total = euros(r.int(20, 60) * 10_000);
      return {
        title: { fi: `Yhdistysten toiminta-avustukset ${year}`, sv: `Verksamhetsunderstöd till föreningar ${year}` },
        summary: { fi: `Kaupunki jakaa yhdistyksille ${total.fi}. Avustusta sai ${n(40, 90)} yhdistystä.`, sv: `Staden fördelar ${total.sv} till föreningar. ${n(40, 90)} föreningar fick understöd.` },
        proposal: { fi: 'myöntää avustukset liitteen mukaisesti.', sv: 'beviljar understöden enligt bilagan.' },
        background: { fi: 'Avustuksilla tuetaan erityisesti lasten, nuorten ja ikäihmisten harrastuksia.', sv: 'Understöden stöder särskilt hobbyer för barn, unga och äldre.' },
        attachments: [{ fi: 'Avustusten jakoesitys', sv: 'Förslag till fördelning av understöd' }],
      };
    },
  },
  // --- Kaupunginvaltuusto --------------------------------------------------------------------
  {
    organs: ['kv'],
    topics: ['talous'],
    taskClass: '02.02.00',
    months: [11, 12],
    weight: 4,
    make: ({ r, year }) => {
      const tax = (r.int(480, 560) / 100).toFixed(2).replace('.', ',');
      const invest = euros(r.int(35, 70) * 1_000_000);
      return {
        title: { fi: `Talousarvio ${year + 1} ja taloussuunnitelma ${year + 1}–${year + 3}`, sv: `Budget för ${year + 1} och ekonomiplan för ${year + 1}–${year + 3}`, en: `Budget for ${year + 1} and financial plan for ${year + 1}–${year + 3}` },
        summary: {
          fi: `Tuloveroprosentti pysyy ${tax} prosentissa. Investointeihin varataan ${invest.fi}, joista suurin osa kouluihin ja katuihin.`,
          sv: `Inkomstskattesatsen förblir ${tax} procent. För investeringar reserveras ${invest.sv}, största delen för skolor och gator.`,
          en: `The income tax rate stays at ${tax.replace(',', '.')} per cent. ${invest.en} is set aside for investments, most of it for schools and streets.`,
        },
        proposal: { fi: `hyväksyy vuoden ${year + 1} talousarvion ja vuosien ${year + 1}–${year + 3} taloussuunnitelman.`, sv: `godkänner budgeten för ${year + 1} och ekonomiplanen för åren ${year + 1}–${year + 3}.` },
        background: {
          fi: 'Valtuustoryhmät neuvottelivat talousarviosta kaksi viikkoa. Kokouksessa tehtiin 14 muutosesitystä, joista äänestettiin.',
          sv: 'Fullmäktigegrupperna förhandlade om budgeten i två veckor. Vid mötet lades 14 ändringsförslag fram, om vilka man röstade.',
        },
        list: {
          fi: ['kouluverkon investoinnit', 'pyöräteiden talvikunnossapito', 'saariston yhteysalusliikenne', 'kirjastojen aukioloajat'],
          sv: ['investeringar i skolnätet', 'vinterunderhåll av cykelvägar', 'förbindelsefartygstrafiken i skärgården', 'bibliotekens öppettider'],
        },
        plain: { fi: 'Valtuusto päätti, mihin kaupunki käyttää rahaa ensi vuonna. Veroprosentti pysyy samana.', sv: 'Fullmäktige beslutade vad staden använder pengar till nästa år. Skattesatsen förblir densamma.' },
        attachments: [{ fi: 'Talousarvio ja taloussuunnitelma', sv: 'Budget och ekonomiplan' }],
        outcomes: [['voted', 5], ['passed_amended', 3], ['passed', 1]],
      };
    },
  },
  {
    organs: ['kv'],
    topics: ['talous'],
    taskClass: '02.06.01',
    months: [5, 6],
    weight: 3,
    make: ({ r, year }) => {
      const result = decimal(r.int(-50, 90) / 10);
      return {
        title: { fi: `Tilinpäätös ${year - 1} ja vastuuvapaus`, sv: `Bokslut för ${year - 1} och ansvarsfrihet` },
        summary: { fi: `Kaupungin tilikauden tulos oli ${result} miljoonaa euroa. Valtuusto myönsi vastuuvapauden tilivelvollisille.`, sv: `Stadens resultat för räkenskapsperioden var ${result} miljoner euro. Fullmäktige beviljade de redovisningsskyldiga ansvarsfrihet.` },
        proposal: { fi: `hyväksyy vuoden ${year - 1} tilinpäätöksen ja myöntää vastuuvapauden.`, sv: `godkänner bokslutet för ${year - 1} och beviljar ansvarsfrihet.` },
        background: { fi: 'Tilintarkastaja on puoltanut tilinpäätöksen hyväksymistä ja vastuuvapauden myöntämistä.', sv: 'Revisorn har tillstyrkt att bokslutet godkänns och ansvarsfrihet beviljas.' },
        attachments: [{ fi: 'Tilinpäätös', sv: 'Bokslut' }, { fi: 'Tilintarkastuskertomus', sv: 'Revisionsberättelse' }],
        outcomes: [['passed', 1]],
      };
    },
  },
  {
    organs: ['kv'],
    topics: [],
    taskClass: '00.00.01',
    weight: 3,
    make: ({ r, n }) => {
      const motion = r.pick(MOTIONS);
      const councillor = r.pick(COUNCILLORS);
      return {
        title: { fi: `Valtuustoaloite: ${motion.fi}`, sv: `Fullmäktigemotion: ${motion.sv}` },
        summary: {
          fi: `Valtuutettu ${councillor} ja ${n(4, 30)} muuta valtuutettua tekivät aloitteen. Asiaa selvitetään osana seuraavan vuoden talousarviota.`,
          sv: `Ledamoten ${councillor} och ${n(4, 30)} andra ledamöter lämnade in motionen. Frågan utreds som en del av nästa års budget.`,
        },
        proposal: { fi: 'merkitsee aloitteen johdosta tehdyt toimenpiteet tiedoksi ja toteaa aloitteen loppuun käsitellyksi.', sv: 'antecknar de åtgärder som vidtagits med anledning av motionen och konstaterar att motionen är slutbehandlad.' },
        background: { fi: motion.background.fi, sv: motion.background.sv },
        districts: motion.districts,
        topics: motion.topics,
      };
    },
  },
  {
    organs: ['kv'],
    topics: ['kaavoitus'],
    taskClass: '10.02.03',
    weight: 2,
    make: ({ r, n }) => {
      const a = r.pick(AREAS);
      const code = r.int(1200, 1299);
      return {
        title: { fi: `Asemakaavan muutoksen hyväksyminen, ${a.fi} (nro ${code})`, sv: `Godkännande av detaljplaneändring, ${a.sv} (nr ${code})` },
        summary: { fi: `Kaava mahdollistaa ${a.gen} alueelle asuntoja noin ${n(3, 12) * 100} asukkaalle sekä uuden päiväkodin.`, sv: `Planen möjliggör bostäder för cirka ${n(3, 12) * 100} invånare och ett nytt daghem i ${a.sv}.` },
        proposal: { fi: 'hyväksyy asemakaavan muutoksen.', sv: 'godkänner detaljplaneändringen.' },
        background: { fi: 'Kaavaehdotus oli nähtävillä 30 päivää. Muistutuksiin on annettu vastineet.', sv: 'Planförslaget var framlagt i 30 dagar. Anmärkningarna har bemötts.' },
        districts: [a.district],
        attachments: [{ fi: 'Kaavakartta', sv: 'Plankarta' }, { fi: 'Kaavaselostus', sv: 'Planbeskrivning' }],
        outcomes: [['passed', 7], ['voted', 2], ['returned', 1]],
      };
    },
  },
  {
    organs: ['kv'],
    topics: ['koulut'],
    taskClass: '12.00.00',
    make: ({ r, year, n }) => {
      const s = r.pick(SCHOOLS.filter((x) => x.district !== 'keskusta'));
      return {
        title: { fi: `Kouluverkon kehittäminen vuosina ${year + 1}–${year + 6}`, sv: `Utveckling av skolnätet åren ${year + 1}–${year + 6}` },
        summary: { fi: `Kaksi pientä kyläkoulua yhdistetään, ja ${s.gen} tilalle rakennetaan uusi yhtenäiskoulu.`, sv: `Två små byskolor slås samman, och en ny enhetsskola byggs i stället för ${s.sv}.` },
        proposal: { fi: 'hyväksyy kouluverkon kehittämissuunnitelman.', sv: 'godkänner utvecklingsplanen för skolnätet.' },
        background: { fi: `Kouluverkkoselvityksestä järjestettiin kolme asukastilaisuutta, ja kyselyyn vastasi ${grouped(n(9, 30) * 100)} asukasta.`, sv: `Tre invånarmöten ordnades om skolnätsutredningen, och ${grouped(n(9, 30) * 100)} invånare svarade på enkäten.` },
        plain: { fi: 'Kaupunki rakentaa uuden koulun. Kaksi pientä koulua yhdistetään.', sv: 'Staden bygger en ny skola. Två små skolor slås samman.' },
        districts: [s.district],
        attachments: [{ fi: 'Kouluverkkoselvitys', sv: 'Skolnätsutredning' }],
        outcomes: [['voted', 5], ['passed_amended', 2], ['passed', 2], ['returned', 1]],
      };
    },
  },
  {
    organs: ['kv'],
    topics: ['hallinto'],
    taskClass: '00.00.01',
    make: ({ r }) => {
      const from = ORGANS[r.pick(['kasvo', 'kymp', 'kuva', 'sote'] as const)];
      return {
        title: { fi: `Ero ${from.of.fi} jäsenyydestä ja täydennysvaali`, sv: `Befrielse från uppdraget som ledamot i ${from.of.sv} och fyllnadsval` },
        summary: { fi: 'Valtuusto myönsi eron paikkakunnalta muuttaneelle jäsenelle ja valitsi hänen tilalleen uuden jäsenen.', sv: 'Fullmäktige beviljade en ledamot som flyttat från orten befrielse och valde en ny ledamot i dennes ställe.' },
        proposal: { fi: 'myöntää eron ja valitsee uuden jäsenen jäljellä olevaksi toimikaudeksi.', sv: 'beviljar befrielse och väljer en ny ledamot för den återstående mandattiden.' },
        background: { fi: 'Luottamushenkilö on vaalikelpoinen vain kunnassa, jossa hänellä on kotipaikka.', sv: 'En förtroendevald är valbar endast i den kommun där hen har sin hemkommun.' },
        outcomes: [['passed', 1]],
      };
    },
  },
  {
    organs: ['kv'],
    topics: ['hallinto'],
    taskClass: '00.01.00',
    make: () => ({
      title: { fi: 'Hallintosäännön muuttaminen', sv: 'Ändring av förvaltningsstadgan', en: 'Amendments to the administrative regulations' },
      summary: { fi: 'Pienhankintojen päätösvalta siirretään toimialajohtajille, ja asukkaiden osallistumisesta tehdään oma lukunsa.', sv: 'Beslutanderätten i småupphandlingar överförs till sektordirektörerna, och invånarnas delaktighet får ett eget kapitel.', en: 'Small purchases are decided by department directors, and residents\' participation gets a chapter of its own.' },
      proposal: { fi: 'hyväksyy hallintosäännön muutokset voimaan seuraavan kuukauden alusta.', sv: 'godkänner ändringarna i förvaltningsstadgan att träda i kraft från början av följande månad.' },
      background: { fi: 'Muutokset perustuvat kuntalakiin ja valtuuston hyväksymään kaupunkistrategiaan.', sv: 'Ändringarna grundar sig på kommunallagen och den stadsstrategi som fullmäktige godkänt.' },
      attachments: [{ fi: 'Hallintosääntö, muutokset korostettuina', sv: 'Förvaltningsstadgan, ändringarna markerade' }],
    }),
  },
  // --- Kulttuuri ja vapaa-aika ---------------------------------------------------------------
  {
    organs: ['kuva'],
    topics: ['kulttuuri'],
    taskClass: '12.06.01',
    months: [1, 2, 3, 4],
    weight: 2,
    make: ({ r, year, n }) => {
      const recipients = [
        ['Koivulahden Laulu ry', 'Koivulahden Laulu rf'],
        ['Björkviks teaterförening rf', 'Björkviks teaterförening rf'],
        ['Saariston kesäkonsertit ry', 'Skärgårdens sommarkonserter rf'],
        ['Kuusikallion nuorisoteatteri', 'Granbergets ungdomsteater'],
        ['Koivulahden elokuvakerho ry', 'Björkviks filmklubb rf'],
      ].map(([fi, sv]) => [fi!, sv!, grouped(r.int(10, 80) * 100)] as const);
      return {
        title: { fi: `Kulttuurin toiminta-avustukset ${year}`, sv: `Verksamhetsunderstöd för kultur ${year}` },
        summary: { fi: `Lautakunta jakoi ${recipients.length + n(15, 40)} yhdistykselle yhteensä ${euros(n(8, 20) * 10_000).fi}.`, sv: `Nämnden fördelade sammanlagt ${euros(n(8, 20) * 10_000).sv} till föreningar.` },
        proposal: { fi: 'myöntää kulttuurin toiminta-avustukset liitteen mukaisesti.', sv: 'beviljar verksamhetsunderstöden för kultur enligt bilagan.' },
        background: { fi: 'Suurimmat avustukset:', sv: 'De största understöden:' },
        list: { fi: recipients.map(([fi, , sum]) => `${fi}: ${sum} €`), sv: recipients.map(([, sv, sum]) => `${sv}: ${sum} €`) },
        attachments: [{ fi: 'Avustusten jakoesitys', sv: 'Förslag till fördelning av understöd' }],
      };
    },
  },
  {
    organs: ['kuva'],
    topics: ['kulttuuri'],
    taskClass: '12.06.02',
    make: ({ r }) => {
      const l = r.pick(LIBRARIES);
      return {
        title: { fi: `${cap(l.gen)} aukioloajat`, sv: `${cap(l.sv)}s öppettider` },
        summary: { fi: 'Kirjasto on jatkossa omatoimikirjastona auki joka päivä kello 7–22. Henkilökunta on paikalla arkisin kello 10–18.', sv: 'Biblioteket är i fortsättningen öppet som meröppet bibliotek varje dag klockan 7–22. Personalen är på plats vardagar klockan 10–18.' },
        proposal: { fi: `hyväksyy ${l.gen} aukioloajat.`, sv: `godkänner öppettiderna för ${l.sv}.` },
        background: { fi: 'Omatoimikirjastokokeilu lisäsi lainauksia 18 prosenttia.', sv: 'Försöket med meröppet bibliotek ökade utlåningen med 18 procent.' },
        plain: { fi: 'Kirjasto on auki aamusta iltaan joka päivä. Kirjastoon pääsee kirjastokortilla.', sv: 'Biblioteket är öppet från morgon till kväll varje dag. Man kommer in med bibliotekskortet.' },
        districts: [l.district],
      };
    },
  },
  {
    organs: ['kuva'],
    topics: ['liikunta'],
    taskClass: '12.05.01',
    months: [9, 10, 11, 12],
    make: ({ r, year }) => {
      const p = r.pick(POOLS);
      const price = (r.int(60, 85) / 10).toFixed(2).replace('.', ',');
      return {
        title: { fi: `${p.gen} pääsymaksut ${year + 1}`, sv: `Inträdesavgifterna till ${p.sv} ${year + 1}` },
        summary: { fi: `Aikuisten kertalippu maksaa jatkossa ${price} euroa. Alle 18-vuotiaat uivat maksutta arkisin ennen kello 15.`, sv: `En engångsbiljett för vuxna kostar i fortsättningen ${price} euro. Personer under 18 år simmar gratis vardagar före klockan 15.` },
        proposal: { fi: `hyväksyy ${p.gen} pääsymaksut ${year + 1} alkaen.`, sv: `godkänner inträdesavgifterna till ${p.sv} från och med ${year + 1}.` },
        background: { fi: 'Energian hinta on nostanut uimahallin käyttökustannuksia.', sv: 'Energipriset har höjt simhallens driftskostnader.' },
        plain: { fi: 'Uimahallin liput kallistuvat vähän. Lapset ja nuoret uivat ilmaiseksi arkipäivisin.', sv: 'Biljetterna till simhallen blir lite dyrare. Barn och unga simmar gratis på vardagar.' },
        districts: [p.district],
        outcomes: [['passed', 5], ['voted', 3], ['passed_amended', 2]],
      };
    },
  },
  {
    organs: ['kuva'],
    topics: ['liikunta'],
    taskClass: '12.05.01',
    make: () => ({
      title: { fi: 'Liikuntatilojen vuorojaon periaatteet', sv: 'Principerna för fördelningen av turer i idrottslokalerna' },
      summary: { fi: 'Lasten ja nuorten harjoitusvuorot jaetaan ensin, ja käyttämättömät vuorot vapautetaan varattaviksi verkossa.', sv: 'Träningsturerna för barn och unga fördelas först, och oanvända turer kan bokas på nätet.' },
      proposal: { fi: 'hyväksyy liikuntatilojen vuorojaon periaatteet.', sv: 'godkänner principerna för fördelningen av turer i idrottslokalerna.' },
      background: { fi: 'Seurat ovat toivoneet läpinäkyvämpää vuorojakoa. Periaatteista kuultiin urheiluseuroja kahdessa tilaisuudessa.', sv: 'Föreningarna har önskat en mer genomskinlig fördelning av turer. Idrottsföreningarna hördes om principerna vid två tillfällen.' },
      plain: { fi: 'Lapset ja nuoret saavat liikuntasalin vuoroja ensimmäisinä.', sv: 'Barn och unga får turer i idrottssalen först.' },
    }),
  },
  {
    organs: ['kuva'],
    topics: ['kulttuuri'],
    taskClass: '12.06.01',
    months: [2, 3, 4, 5],
    make: ({ r, year, n }) => ({
      title: { fi: `Kesätapahtumien avustukset ${year}`, sv: `Understöd för sommarevenemang ${year}` },
      summary: { fi: `Avustuksen sai ${n(8, 25)} kesätapahtumaa, muun muassa Lehtisaaren saaristomarkkinat ja Satamajazz.`, sv: `Understöd beviljades ${n(8, 25)} sommarevenemang, bland annat skärgårdsmarknaden på Lövö och Hamnjazzen.` },
      proposal: { fi: 'myöntää kesätapahtumien avustukset liitteen mukaisesti.', sv: 'beviljar understöden för sommarevenemang enligt bilagan.' },
      background: { fi: 'Tapahtumien on oltava maksuttomia tai edullisia ja esteettömiä.', sv: 'Evenemangen ska vara avgiftsfria eller förmånliga och tillgängliga.' },
      districts: ['saaristo', 'keskusta'],
    }),
  },
  {
    organs: ['kuva'],
    topics: ['nuoriso'],
    taskClass: '12.04.00',
    make: ({ r }) => {
      const a = r.pick(AREAS.filter((x) => x.district !== 'keskusta'));
      return {
        title: { fi: `Nuorisotilan avaaminen, ${a.fi}`, sv: `Ungdomslokal öppnas, ${a.sv}` },
        summary: { fi: `${a.gen} nuorisotila on auki neljänä iltana viikossa. Tila sijaitsee koulun yhteydessä.`, sv: `Ungdomslokalen i ${a.sv} är öppen fyra kvällar i veckan. Den finns i anslutning till skolan.` },
        proposal: { fi: 'päättää avata nuorisotilan ja hyväksyy sen toimintasuunnitelman.', sv: 'beslutar öppna ungdomslokalen och godkänner dess verksamhetsplan.' },
        background: { fi: 'Nuorisovaltuusto teki asiasta aloitteen. Nuoret suunnittelivat tilan itse.', sv: 'Ungdomsfullmäktige tog initiativ i frågan. De unga planerade lokalen själva.' },
        plain: { fi: 'Nuorille avataan uusi paikka, jossa voi viettää aikaa iltaisin.' },
        districts: [a.district],
      };
    },
  },
  {
    organs: ['kuva'],
    topics: ['kulttuuri', 'koulut'],
    taskClass: '12.06.03',
    make: ({ r }) => {
      const s = r.pick(SCHOOLS);
      return {
        title: { fi: `Julkisen taiteen hankinta, ${s.fi}`, sv: `Anskaffning av offentlig konst, ${s.sv}` },
        summary: { fi: `${s.gen} pihalle tilataan veistos prosenttiperiaatteen mukaisesti. Taiteilija valitaan kutsukilpailulla.`, sv: `En skulptur beställs till gården vid ${s.sv} enligt procentprincipen. Konstnären väljs genom en inbjuden tävling.` },
        proposal: { fi: 'hyväksyy taidehankinnan ja kilpailuohjelman.', sv: 'godkänner konstanskaffningen och tävlingsprogrammet.' },
        background: { fi: 'Oppilaat osallistuvat teoksen suunnitteluun työpajoissa.', sv: 'Eleverna deltar i planeringen av verket i workshoppar.' },
        districts: [s.district],
      };
    },
  },
  // --- Sosiaali ja terveys -------------------------------------------------------------------
  {
    organs: ['sote'],
    topics: ['terveys'],
    taskClass: '05.00.00',
    months: [3, 4, 5, 10, 11],
    make: ({ year }) => ({
      title: { fi: `Laaja hyvinvointikertomus ${year - 1}`, sv: `Omfattande välfärdsberättelse ${year - 1}` },
      summary: { fi: 'Nuorten liikkuminen on vähentynyt ja yksinäisyys lisääntynyt. Ikäihmisten toimintakyky on parantunut.', sv: 'De ungas motion har minskat och ensamheten ökat. De äldres funktionsförmåga har förbättrats.' },
      proposal: { fi: 'hyväksyy hyvinvointikertomuksen ja esittää sen valtuuston käsiteltäväksi.', sv: 'godkänner välfärdsberättelsen och för den vidare till fullmäktige.' },
      background: { fi: 'Kertomus perustuu kouluterveyskyselyyn, tilastoihin ja asukaskyselyyn.', sv: 'Berättelsen grundar sig på enkäten Hälsa i skolan, statistik och en invånarenkät.' },
      plain: { fi: 'Kaupunki selvitti, miten asukkaat voivat. Nuoret liikkuvat vähemmän kuin ennen.', sv: 'Staden undersökte hur invånarna mår. De unga rör på sig mindre än förr.' },
      attachments: [{ fi: 'Hyvinvointikertomus', sv: 'Välfärdsberättelse' }],
    }),
  },
  {
    organs: ['sote'],
    topics: ['terveys'],
    taskClass: '05.00.00',
    make: ({ year }) => ({
      title: { fi: `Ehkäisevän päihdetyön suunnitelma ${year}–${year + 3}`, sv: `Plan för förebyggande missbruksarbete ${year}–${year + 3}` },
      summary: { fi: 'Suunnitelma keskittyy nuorten nikotiinituotteiden käytön vähentämiseen ja vanhempien tukemiseen.', sv: 'Planen fokuserar på att minska de ungas användning av nikotinprodukter och att stödja föräldrarna.' },
      proposal: { fi: 'hyväksyy ehkäisevän päihdetyön suunnitelman.', sv: 'godkänner planen för förebyggande missbruksarbete.' },
      background: { fi: 'Suunnitelma on laadittu yhdessä hyvinvointialueen, poliisin ja järjestöjen kanssa.', sv: 'Planen har utarbetats tillsammans med välfärdsområdet, polisen och organisationerna.' },
    }),
  },
  {
    organs: ['sote'],
    topics: ['sosiaalipalvelut'],
    taskClass: '05.00.00',
    make: ({ year }) => ({
      title: { fi: `Vanhus- ja vammaisneuvoston kokoonpano ${year}–${year + 2}`, sv: `Sammansättningen av äldre- och handikapprådet ${year}–${year + 2}` },
      summary: { fi: 'Neuvostoon nimettiin 12 jäsentä eläkeläis- ja vammaisjärjestöistä.', sv: 'Tolv medlemmar från pensionärs- och handikapporganisationer utsågs till rådet.' },
      proposal: { fi: 'nimeää neuvoston jäsenet ja heille henkilökohtaiset varajäsenet.', sv: 'utser rådets medlemmar och personliga ersättare för dem.' },
      background: { fi: 'Neuvosto antaa lausuntoja asioista, jotka vaikuttavat ikääntyneiden ja vammaisten henkilöiden elämään.', sv: 'Rådet ger utlåtanden i frågor som påverkar äldre och personer med funktionsnedsättning.' },
      outcomes: [['passed', 1]],
    }),
  },
  {
    organs: ['sote'],
    topics: ['sosiaalipalvelut'],
    taskClass: '05.00.00',
    make: ({ r, year }) => ({
      title: { fi: `Asunnottomuuden vähentämisen ohjelma ${year}–${year + 3}`, sv: `Program för att minska bostadslösheten ${year}–${year + 3}` },
      summary: { fi: `Kaupungissa on noin ${r.int(40, 120)} asunnotonta. Tavoitteena on, että kukaan ei asu kadulla vuoden ${r.int(2027, 2030)} jälkeen.`, sv: 'Målet är att ingen ska bo på gatan i staden inom några år.' },
      proposal: { fi: 'hyväksyy ohjelman ja esittää sen kaupunginhallitukselle.', sv: 'godkänner programmet och för det vidare till stadsstyrelsen.' },
      background: { fi: 'Ohjelma perustuu asunto ensin -periaatteeseen. Kaupungin vuokrayhtiö varaa 20 asuntoa vuodessa.', sv: 'Programmet bygger på principen bostad först. Stadens hyresbolag reserverar 20 bostäder per år.' },
      plain: { fi: 'Kaupunki auttaa ihmisiä, joilla ei ole kotia. Heille annetaan ensin asunto.' },
    }),
  },
  {
    organs: ['sote'],
    topics: ['terveys', 'liikunta'],
    taskClass: '05.00.00',
    make: ({ year }) => ({
      title: { fi: `Liikkumisen edistämisen toimintaohjelma ${year}–${year + 2}`, sv: `Handlingsprogram för att främja motion ${year}–${year + 2}` },
      summary: { fi: 'Ikäihmisille avataan maksuttomia kuntosalivuoroja ja lapsille liikuntakerhoja kaikkiin kouluihin.', sv: 'Avgiftsfria gymturer öppnas för äldre och idrottsklubbar för barn i alla skolor.' },
      proposal: { fi: 'hyväksyy toimintaohjelman ja esittää sen rahoittamista talousarviossa.', sv: 'godkänner handlingsprogrammet och vill att det finansieras i budgeten.' },
      background: { fi: 'Vain kolmannes lapsista liikkuu suositusten mukaisesti.', sv: 'Bara en tredjedel av barnen rör på sig enligt rekommendationerna.' },
    }),
  },
  // --- Tarkastus -----------------------------------------------------------------------------
  {
    organs: ['tark'],
    topics: ['talous'],
    taskClass: '00.04.00',
    months: [4, 5, 6],
    weight: 2,
    make: ({ year }) => ({
      title: { fi: `Arviointikertomus vuodelta ${year - 1}`, sv: `Utvärderingsberättelse för ${year - 1}` },
      summary: { fi: 'Valtuuston asettamista tavoitteista toteutui kaksi kolmasosaa. Kouluverkon investoinnit viivästyivät.', sv: 'Två tredjedelar av de mål som fullmäktige satt upp uppnåddes. Investeringarna i skolnätet försenades.' },
      proposal: { fi: 'hyväksyy arviointikertomuksen ja saattaa sen valtuustolle.', sv: 'godkänner utvärderingsberättelsen och för den vidare till fullmäktige.' },
      background: { fi: 'Lautakunta haastatteli toimialojen johtoa ja tutustui kahteen kouluun.', sv: 'Nämnden intervjuade sektorernas ledning och besökte två skolor.' },
      attachments: [{ fi: 'Arviointikertomus', sv: 'Utvärderingsberättelse' }],
    }),
  },
  {
    organs: ['tark'],
    topics: ['hallinto'],
    taskClass: '00.04.00',
    make: ({ year }) => ({
      title: { fi: `Sidonnaisuusilmoitusten valvonta ${year}`, sv: `Tillsyn över redogörelserna för bindningar ${year}` },
      summary: { fi: 'Kaksi luottamushenkilöä ei ollut päivittänyt ilmoitustaan. Heitä on pyydetty korjaamaan puute.', sv: 'Två förtroendevalda hade inte uppdaterat sin redogörelse. De har ombetts rätta till bristen.' },
      proposal: { fi: 'merkitsee sidonnaisuusilmoitukset tiedoksi ja saattaa ne valtuustolle.', sv: 'antecknar redogörelserna för bindningar för kännedom och för dem vidare till fullmäktige.' },
      background: { fi: 'Ilmoitukset julkaistaan kaupungin verkkosivuilla.', sv: 'Redogörelserna publiceras på stadens webbplats.' },
      outcomes: [['passed', 1]],
    }),
  },
  {
    organs: ['tark'],
    topics: ['talous'],
    taskClass: '00.04.00',
    months: [1, 2, 3],
    make: ({ year }) => ({
      title: { fi: `Tarkastuslautakunnan työohjelma ${year}`, sv: `Revisionsnämndens arbetsprogram ${year}` },
      summary: { fi: 'Lautakunta arvioi tänä vuonna erityisesti kouluverkon investointeja ja saariston liikennepalveluja.', sv: 'I år utvärderar nämnden särskilt investeringarna i skolnätet och trafiktjänsterna i skärgården.' },
      proposal: { fi: `hyväksyy työohjelman vuodelle ${year}.`, sv: `godkänner arbetsprogrammet för ${year}.` },
      background: { fi: 'Työohjelma perustuu valtuuston asettamiin tavoitteisiin ja riskienarviointiin.', sv: 'Arbetsprogrammet grundar sig på de mål som fullmäktige satt upp och på riskbedömningen.' },
    }),
  },
  {
    organs: ['tark'],
    topics: ['talous'],
    taskClass: '02.07.01',
    make: ({ year }) => ({
      title: { fi: `Tilintarkastuspalveluiden hankinta vuosille ${year + 1}–${year + 4}`, sv: `Upphandling av revisionstjänster för åren ${year + 1}–${year + 4}` },
      summary: { fi: 'Tilintarkastusyhteisö valitaan neljäksi vuodeksi. Laatu painaa vertailussa 70 prosenttia.', sv: 'Revisionssammanslutningen väljs för fyra år. Kvaliteten väger 70 procent vid jämförelsen.' },
      proposal: { fi: 'hyväksyy tarjouspyynnön ja esittää valtuustolle tilintarkastajan valintaa.', sv: 'godkänner anbudsförfrågan och för valet av revisor vidare till fullmäktige.' },
      background: { fi: 'Kuntalain mukaan valtuusto valitsee tilintarkastajan tarkastuslautakunnan esityksestä.', sv: 'Enligt kommunallagen väljer fullmäktige revisor på förslag av revisionsnämnden.' },
    }),
  },
];

interface Motion {
  fi: string;
  sv: string;
  topics: string[];
  districts: District[];
  background: Text;
}
const MOTIONS: Motion[] = [
  { fi: 'Koulujen pihojen kunnostaminen', sv: 'Upprustning av skolgårdarna', topics: ['koulut', 'liikunta'], districts: [], background: { fi: 'Kaupunki kunnostaa vuosittain kaksi koulun pihaa. Oppilaat osallistuvat suunnitteluun.', sv: 'Staden rustar upp två skolgårdar per år. Eleverna deltar i planeringen.' } },
  { fi: 'Maksuton uimahalli alle 18-vuotiaille', sv: 'Avgiftsfri simhall för personer under 18 år', topics: ['liikunta'], districts: [], background: { fi: 'Alle 18-vuotiaat uivat jo maksutta arkisin ennen kello 15. Täysi maksuttomuus maksaisi noin 120 000 euroa vuodessa.', sv: 'Personer under 18 år simmar redan gratis vardagar före klockan 15. Helt avgiftsfri simning skulle kosta cirka 120 000 euro per år.' } },
  { fi: 'Yhteysaluksen talviliikenne saaristoon', sv: 'Förbindelsefartygets vintertrafik i skärgården', topics: ['liikenne'], districts: ['saaristo'], background: { fi: 'Talviliikenne hoidetaan jatkossa ilmatyynyaluksella, kun jäätilanne estää lauttaliikenteen.', sv: 'Vintertrafiken sköts i fortsättningen med svävare när isläget hindrar färjetrafiken.' } },
  { fi: 'Kaupunkipyörät keskustaan', sv: 'Stadscyklar till centrum', topics: ['liikenne'], districts: ['keskusta'], background: { fi: 'Kaupunkipyöräkokeilu aloitetaan keskustassa 150 pyörällä.', sv: 'Ett försök med stadscyklar inleds i centrum med 150 cyklar.' } },
  { fi: 'Kasvisvaihtoehto kouluruokaan joka päivä', sv: 'Vegetariskt alternativ i skolmaten varje dag', topics: ['koulut'], districts: [], background: { fi: 'Kaikissa kouluissa on tarjolla kasvisvaihtoehto joka päivä ensi lukuvuodesta alkaen.', sv: 'Alla skolor erbjuder ett vegetariskt alternativ varje dag från och med nästa läsår.' } },
  { fi: 'Nuorisotila Kuusikallioon', sv: 'Ungdomslokal till Granberget', topics: ['nuoriso'], districts: ['itä'], background: { fi: 'Nuorisotila avataan Kuusikallion koulun yhteyteen.', sv: 'En ungdomslokal öppnas i anslutning till Granbergets skola.' } },
  { fi: 'Koulumatkojen turvallisuus Koivumäessä', sv: 'Trafiksäkra skolvägar i Björkbacka', topics: ['koulut', 'liikenne'], districts: ['pohjoinen'], background: { fi: 'Koivumäentielle rakennetaan kaksi korotettua suojatietä ja koulun eteen saattoliikennealue.', sv: 'Två upphöjda övergångsställen och en angöringsplats framför skolan byggs på Björkbackavägen.' } },
];

// ---------------------------------------------------------------------------------------------
// The calendar: each organ's meetings on its weekday, none in the breaks or on holidays.

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const HOLIDAYS = new Set(['2024-12-06', '2025-01-01', '2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-12-06', '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14']);
const onBreak = (date: string) => {
  const md = date.slice(5);
  return (md >= '06-20' && md <= '08-10') || md >= '12-19' || md <= '01-07' || HOLIDAYS.has(date);
};

interface Meeting {
  organ: OrganKey;
  date: string;
  /** The organ's how-manyth meeting that year. */
  number: number;
}

function calendar(r: Rng): Meeting[] {
  const meetings: Meeting[] = [];
  const start = Date.parse(`${SINCE}T00:00:00Z`);
  const end = Date.parse(`${UNTIL}T00:00:00Z`);
  for (const [key, o] of Object.entries(ORGANS) as [OrganKey, OrganInfo][]) {
    let day = start + r.int(0, o.everyWeeks - 1) * 7 * DAY;
    while (new Date(day).getUTCDay() !== o.weekday) day += DAY;
    const perYear: Record<number, number> = {};
    for (; day <= end; day += o.everyWeeks * 7 * DAY) {
      // Now and then a meeting moves to the next week.
      const date = iso(day + (r.chance(0.06) ? 7 * DAY : 0));
      if (onBreak(date) || Date.parse(date) > end) continue;
      const year = Number(date.slice(0, 4));
      meetings.push({ organ: key, date, number: (perYear[year] = (perYear[year] ?? 0) + 1) });
    }
  }
  return meetings.sort((a, b) => a.date.localeCompare(b.date) || a.organ.localeCompare(b.organ));
}

// ---------------------------------------------------------------------------------------------
// Putting a decision together.

const USUAL_OUTCOMES: [Outcome, number][] = [['passed', 80], ['passed_amended', 7], ['voted', 5], ['tabled', 3], ['returned', 3], ['rejected', 2]];

function votes(r: Rng, members: number): [number, number] {
  const against = r.int(Math.ceil(members * 0.15), Math.floor((members - 1) / 2));
  return [members - against, against];
}

const AMENDMENTS: Text[] = [
  { fi: 'päätökseen lisättiin, että asiasta järjestetään asukastilaisuus ennen toteutusta.', sv: 'till beslutet fogades att ett invånarmöte ordnas före genomförandet.' },
  { fi: 'päätökseen lisättiin, että toimeenpanosta raportoidaan vuoden kuluttua.', sv: 'till beslutet fogades att det rapporteras om verkställigheten efter ett år.' },
  { fi: 'perusteluihin lisättiin vaikutukset saariston asukkaisiin.', sv: 'i motiveringen beaktas nu också konsekvenserna för invånarna i skärgården.' },
];

/** The decision's last paragraph, the same votes and amendment in both languages. */
function decisionText(r: Rng, o: OrganInfo, outcome: Outcome): Text {
  const [fi, sv] = [cap(o.subject.fi), cap(o.subject.sv)];
  const [yes, no] = votes(r, o.members);
  const amendment = r.pick(AMENDMENTS);
  const texts: Record<Outcome, Text> = {
    passed: { fi: `${fi} hyväksyi esityksen.`, sv: `${sv} godkände förslaget.` },
    passed_amended: { fi: `${fi} hyväksyi esityksen muutettuna: ${amendment.fi}`, sv: `${sv} godkände förslaget med en ändring: ${amendment.sv}` },
    voted: { fi: `${fi} hyväksyi esityksen äänestyksen jälkeen äänin ${yes}–${no}.`, sv: `${sv} godkände förslaget efter omröstning med rösterna ${yes}–${no}.` },
    rejected: { fi: `${fi} hylkäsi esityksen äänin ${yes}–${no}.`, sv: `${sv} förkastade förslaget med rösterna ${yes}–${no}.` },
    tabled: { fi: 'Asia jätettiin pöydälle seuraavaan kokoukseen.', sv: 'Ärendet bordlades till följande möte.' },
    returned: { fi: 'Asia palautettiin uudelleen valmisteltavaksi.', sv: 'Ärendet återremitterades för ny beredning.' },
  };
  return texts[outcome];
}

function markdown(draft: Draft, o: OrganInfo, decided: string, lang: 'fi' | 'sv'): string {
  const heads = lang === 'fi' ? ['Esitys', 'Perustelut', 'Päätös'] : ['Förslag', 'Motivering', 'Beslut'];
  const proposes = lang === 'fi' ? `${o.preparer.fi} ehdottaa, että ${o.subject.fi} ${draft.proposal.fi}` : `${o.preparer.sv} föreslår att ${o.subject.sv} ${draft.proposal.sv}`;
  const list = draft.list?.[lang].map((item) => `- ${item}`).join('\n');
  return [`## ${heads[0]}`, proposes, `## ${heads[1]}`, draft.background[lang], list, `## ${heads[2]}`, decided].filter(Boolean).join('\n\n');
}

const NON_PUBLIC: Text[] = [
  { fi: 'Tarjousvertailu', sv: 'Anbudsjämförelse' },
  { fi: 'Salassa pidettävä liite: henkilötiedot', sv: 'Sekretessbelagd bilaga: personuppgifter' },
  { fi: 'Neuvottelumuistio', sv: 'Förhandlingspromemoria' },
];

/**
 * `count` decisions of Koivulahti, oldest meeting first, all valid `DecisionInput`s with their own
 * `sourceId`. The same count always gives the same decisions.
 */
export function demoDecisions(count = 300): DecisionInput[] {
  const r = new Rng(0x0a11_5eed);
  const meetings = calendar(r);
  const byOrgan = new Map<OrganKey, Meeting[]>();
  for (const m of meetings) byOrgan.set(m.organ, [...(byOrgan.get(m.organ) ?? []), m]);

  // Which meeting each decision belongs to: organs by their weight, meetings evenly.
  const organWeights = (Object.keys(ORGANS) as OrganKey[]).map((key) => [key, ORGANS[key].weight] as const);
  const agenda = new Map<Meeting, number>();
  for (let i = 0; i < count; i++) {
    const m = r.pick(byOrgan.get(r.weighted(organWeights))!);
    agenda.set(m, (agenda.get(m) ?? 0) + 1);
  }

  const decisions: DecisionInput[] = [];
  const sections = new Map<string, number>();
  const titles = new Set<string>();
  for (const meeting of meetings) {
    const o = ORGANS[meeting.organ];
    const year = Number(meeting.date.slice(0, 4));
    const month = Number(meeting.date.slice(5, 7));
    const counterKey = `${meeting.organ}-${year}`;
    // The opening items (legality, minutes checkers) come first; § numbers run through the year.
    let section = (sections.get(counterKey) ?? 0) + 2;
    const candidates = TEMPLATES.filter((t) => t.organs.includes(meeting.organ) && (!t.months || t.months.includes(month)));
    const used = new Set<Template>();
    let councilBefore: string | undefined;
    for (const m of meetings) if (m.organ === 'kv' && m.date < meeting.date) councilBefore = m.date;
    for (let item = 0; item < (agenda.get(meeting) ?? 0); item++) {
      section += 1 + (r.chance(0.3) ? r.int(1, 3) : 0);
      // A few tries for a matter not yet on this agenda and a title not yet used; recurring ones may repeat.
      let chosen: { template: Template; draft: Draft } | undefined;
      for (let tries = 0; tries < 8; tries++) {
        const template = r.weighted(candidates.map((t) => [t, t.weight ?? 1] as const));
        const drawn = new Map<string, number>();
        const n = (min: number, max: number) => drawn.get(`${min} ${max}`) ?? drawn.set(`${min} ${max}`, r.int(min, max)).get(`${min} ${max}`)!;
        const draft = template.make({ r, n, year, month, councilBefore, date: meeting.date, schoolYear: month > 7 ? `${year + 1}–${year + 2}` : `${year}–${year + 1}` });
        chosen ??= { template, draft };
        if (!used.has(template) && !titles.has(draft.title.fi)) {
          chosen = { template, draft };
          break;
        }
      }
      used.add(chosen!.template);
      titles.add(chosen!.draft.title.fi);
      decisions.push(build(r, meeting, o, chosen!.template, chosen!.draft, year, section));
    }
    // Items the demo does not include (other matters, notices) take their numbers too.
    sections.set(counterKey, section + r.int(1, 6));
  }
  return decisions;
}

function build(r: Rng, meeting: Meeting, o: OrganInfo, template: Template, draft: Draft, year: number, section: number): DecisionInput {
  const outcome = r.weighted(draft.outcomes ?? USUAL_OUTCOMES);
  const decided = decisionText(r, o, outcome);
  // The council's and the city board's decisions are always in both languages; the boards' mostly.
  const swedish = meeting.organ === 'kv' || meeting.organ === 'kh' || r.chance(0.75);
  const both = (text: Text) => ({ fi: text.fi, ...(swedish ? { sv: text.sv } : {}), ...(text.en ? { en: text.en } : {}) });
  const caseYear = r.chance(0.2) ? year - 1 : year;
  const caseNumber = r.int(100, 4800);
  const plain = draft.plain && r.chance(0.6) ? { fi: draft.plain.fi, ...(swedish && draft.plain.sv && r.chance(0.6) ? { sv: draft.plain.sv } : {}) } : undefined;
  const attachments = [...(draft.attachments ?? []).map((title) => ({ title, public: true })), ...(r.chance(0.12) ? [{ title: r.pick(NON_PUBLIC), public: false }] : [])].map(
    ({ title, public: isPublic }, i) => ({
      title: swedish ? { fi: title.fi, sv: title.sv } : { fi: title.fi },
      url: `${SOURCE}/liitteet/${caseYear}/${caseNumber}-${i + 1}.pdf`,
      public: isPublic,
    }),
  );
  const published = Date.parse(`${meeting.date}T00:00:00Z`) + r.int(5, 9) * DAY + r.int(6 * 60, 13 * 60) * 60_000;
  return {
    sourceId: `koi-${o.short}-${meeting.date}-${section}`,
    organ: { id: o.id, name: { ...o.name } },
    meeting: { id: `${o.short}-${year}-${meeting.number}`, date: meeting.date },
    section: String(section),
    caseId: `KOI/${caseNumber}/${template.taskClass}/${caseYear}`,
    title: both(draft.title),
    summary: both(draft.summary),
    body: {
      fi: markdown(draft, o, decided.fi, 'fi'),
      ...(swedish ? { sv: markdown(draft, o, decided.sv, 'sv') } : {}),
    },
    ...(plain ? { plainSummary: plain } : {}),
    outcome,
    topics: draft.topics ?? template.topics,
    districts: draft.districts ?? [],
    attachments,
    sourceUrl: `${SOURCE}/${o.short}/${meeting.date}/${section}`,
    publishedAt: new Date(published).toISOString(),
  };
}
