import type { ListeningMessages } from './messages.ts';

const texts = (n: number) => (n === 1 ? '1 teksti' : `${n.toLocaleString('fi-FI')} tekstiä`);
const themes = (n: number) => (n === 1 ? '1 teema' : `${n} teemaa`);

export const fi: ListeningMessages = {
  heading: 'Mitä asukkaat kirjoittavat',
  intro: 'Palautteiden vapaat vastaukset (roskaposti pois) ja asukkaiden väitteet keskusteluissa teemoiksi ryhmiteltyinä niissä käytettyjen sanojen mukaan. Jokaisesta teemasta lainataan asukkaiden omia sanoja.',
  noTone: 'Sävyä (myönteinen tai kielteinen) ei arvioida, koska suomen ja ruotsin kielelle ei ole käytettävissä julkaistua sävysanastoa, johon arvio voisi perustua.',
  removedNote: 'Lainaukset ovat sanasta sanaan, mutta henkilötiedot (sähköpostiosoitteet, puhelinnumerot, henkilötunnukset, katuosoitteet, nimet) on poistettu ja poisto merkitty, esimerkiksi ”[sähköposti poistettu]”.',

  filters: {
    label: 'Valitse tekstit',
    form: 'Lomake',
    allForms: 'Kaikki lomakkeet ja keskustelut',
    formHelp: 'Kun lomake on valittu, keskustelujen väitteet jäävät pois.',
    topic: 'Aihe',
    allTopics: 'Kaikki aiheet',
    from: 'Alkaen',
    to: 'Päättyen',
    language: 'Kieli',
    allLanguages: 'Kaikki kielet',
    show: 'Näytä',
    fromAfterTo: 'Alkupäivä ei voi olla loppupäivän jälkeen.',
  },
  languages: { fi: 'suomi', sv: 'ruotsi', en: 'englanti' },

  loading: 'Luetaan asukkaiden tekstejä…',
  summary: (n, m, from, to) => `${texts(n)}, ${themes(m)}, ${from}–${to}.`,
  unthemed: (n) => (n === 1 ? '1 teksti oli liian lyhyt tai poikkeava sijoitettavaksi teemaan.' : `${texts(n)} oli liian lyhyitä tai poikkeavia sijoitettaviksi teemoihin.`),
  reportLanguages: (list) => `Kielet: ${list}.`,
  empty: 'Tällä aikavälillä ei ole tekstejä.',
  emptyHelp: (tries) => `Kokeile ${tries}.`,
  tryPeriod: 'pidempää aikaväliä',
  tryForm: 'kaikkia lomakkeita',
  tryTopic: 'kaikkia aiheita',
  tryLanguage: 'kaikkia kieliä',
  failed: 'Raporttia ei saatu luettua.',

  themesHeading: 'Teemat suurimmasta alkaen',
  theme: (n) => `Teema ${n}:`,
  unnamed: 'ei erottuvia sanoja',
  size: (n, share) => `${texts(n)}, ${share}`,
  trend: (week, before) => `Viimeiset 7 päivää ${week}; sitä edeltävät 4 viikkoa ${before} viikossa.`,
  words: 'Sanat',
  topics: 'Aiheet',
  places: 'Paikat',
  themeLanguages: 'Kielet',
  none: 'ei yhtään',
  counted: (value, count) => `${value} (${count})`,

  quotesHeading: 'Asukkaiden omin sanoin',
  feedback: (ref) => `Palaute ${ref}`,
  statement: (poll, n) => `Väite ${n} keskustelussa ${poll}`,
  removed: { email: '[sähköposti poistettu]', phone: '[puhelinnumero poistettu]', personalId: '[henkilötunnus poistettu]', address: '[osoite poistettu]', name: '[nimi poistettu]' },

  rising: {
    heading: 'Nousussa nyt',
    intro: 'Mikä on kasvanut eniten osuutena kaikesta kirjoitetusta. Kasvu on osuus nyt jaettuna osuudella ennen: 2 tarkoittaa kaksi kertaa suurempaa osuutta. Kumpaakin osuutta on tasoitettu yhdellä tekstillä, jottei muutama teksti näyttäisi ryöpsähdykseltä.',
    termsCaption: 'Nousevat sanat: sanan sisältävät tekstit viimeisten 7 päivän aikana verrattuna 8 viikkoon sitä ennen',
    themesCaption: 'Nousevat teemat: teeman tekstit viimeisten 7 päivän aikana verrattuna 8 viikkoon sitä ennen',
    word: 'Sana',
    theme: 'Teema',
    recent: 'Viimeiset 7 päivää',
    recentTotal: 'Kaikki tekstit, 7 päivää',
    before: '8 viikkoa ennen',
    beforeTotal: 'Kaikki tekstit, 8 viikkoa ennen',
    growth: 'Kasvu (osuus nyt / ennen)',
    noTerms: 'Mikään sana ei ole nousussa: sanan pitää esiintyä vähintään 3 tekstissä viimeisten 7 päivän aikana.',
    noThemes: 'Mikään teema ei ole nousussa.',
  },

  export: {
    heading: 'Lataa näytetty raportti',
    xlsx: 'Excel (XLSX)',
    csv: 'CSV',
    exporting: (kb) => `Ladataan… ${kb} kt`,
    exported: (file) => `Tiedosto ${file} on ladattu.`,
  },
};
