import type { Lang } from '../schema/common.ts';
import type { FieldType } from '../schema/forms.ts';
import type { PollView } from '../schema/polls.ts';

type Count = (n: number) => string;

interface XlsxLabels {
  sheets: { results: string; data: string; methodology: string };
  item: string;
  details: string;
  ballotsInTotal: string;
  description: string;
  kind: string;
  single: string;
  multiple: (min: number, max: number) => string;
  scale: (min: number, max: number) => string;
  scaleEnd: string;
  state: string;
  states: Record<PollView['state'], string>;
  opensAt: string;
  closesAt: string;
  noOpensAt: string;
  noClosesAt: string;
  createdAt: string;
  exportedAt: string;
  times: string;
  helsinki: string;
  counting: string;
  voterModes: Record<PollView['voterMode'], string>;
  visibility: string;
  visibilities: Record<PollView['resultsVisibility'], string>;
  change: string;
  changeAllowed: string;
  changeNotAllowed: string;
  share: string;
  shareMeaning: string;
  shareMultiple: string;
  rows: string;
  ballotRows: string;
  sealed: string;
  sealedText: (at: string, key: string) => string;
  notSealed: string;
  statement: string;
  signature: string;
  publicKey: string;
  verify: string;
  verifyText: (page: string, command: string) => string;
  form: string;
  title: string;
  field: string;
  fieldTypes: Record<FieldType, string>;
  categories: string;
  included: string;
  allButSpam: string;
  onlyStatus: (status: string) => string;
  submissions: string;
  first: string;
  latest: string;
  leftOut: string;
  spamLeftOut: Count;
  otherStatusesLeftOut: string;
  viewerLeftOut: (contactFields: string) => string;
  retention: (days: number) => string;
  truncated: Count;
}

/** Sheet names and the methodology sheet's words, in the export's language. */
export const XLSX_LABELS: Record<Lang, XlsxLabels> = {
  fi: {
    sheets: { results: 'Tulokset', data: 'Aineisto', methodology: 'Menetelmä' },
    item: 'Kohta',
    details: 'Selitys',
    ballotsInTotal: 'Vastauksia yhteensä',
    description: 'Kuvaus',
    kind: 'Kysymystyyppi',
    single: 'Yksi valinta',
    multiple: (min, max) => `Monivalinta: ${min === max ? min : `${min}–${max}`} valintaa`,
    scale: (min, max) => `Asteikko ${min}–${max}`,
    scaleEnd: 'Asteikon pää',
    state: 'Tila',
    states: { draft: 'luonnos', upcoming: 'ei vielä avoinna', open: 'avoinna', closed: 'suljettu' },
    opensAt: 'Avautuu (Suomen aikaa)',
    closesAt: 'Sulkeutuu (Suomen aikaa)',
    noOpensAt: 'ei aikaa: avoinna, kun tila on avoin',
    noClosesAt: 'ei aikaa: suljetaan käsin',
    createdAt: 'Luotu (Suomen aikaa)',
    exportedAt: 'Viety (Suomen aikaa)',
    times: 'Ajat',
    helsinki: 'Suomen aikaa (Europe/Helsinki), sekunnin tarkkuudella',
    counting: 'Vastaajien laskeminen',
    voterModes: {
      anonymous:
        'Nimetön: jokainen vastaus on sidottu satunnaiseen vastaajatunnukseen, jonka upotus säilyttää selaimessa. Palvelin tallentaa tunnuksesta vain kyselykohtaisesti suolatun tiivisteen ja hyväksyy yhden vastauksen tunnusta kohden; lisäksi vastausten määrää rajoitetaan verkko-osoitetta kohden. Laskettuna ovat siis nimettömät tunnukset, eivät henkilöt: selaimen tietojen tyhjentäminen tai toinen laite antaa uuden tunnuksen.',
      challenge:
        'Nimetön ja tarkistettu: jokainen vastaus on sidottu satunnaiseen vastaajatunnukseen, jonka upotus säilyttää selaimessa. Palvelin tallentaa tunnuksesta vain kyselykohtaisesti suolatun tiivisteen ja hyväksyy yhden vastauksen tunnusta kohden; lisäksi vastausten määrää rajoitetaan verkko-osoitetta kohden, ja jokaisen vastauksen piti läpäistä Cloudflare Turnstile -tarkistus (ei robotti). Laskettuna ovat nimettömät tunnukset, eivät henkilöt.',
      signed:
        'Tunnistettu: sivusto, jolle kysely on upotettu, allekirjoitti jokaiselle kirjautuneelle asukkaalle lyhytikäisen vahvistuksen (JWT). Palvelin tarkisti allekirjoituksen ja hyväksyy yhden vastauksen asukasta kohden; asukkaan tunnisteesta tallennetaan vain kyselykohtaisesti suolattu tiiviste.',
    },
    visibility: 'Tulosten näkyvyys',
    visibilities: {
      always: 'Asukkaat näkevät tulokset koko ajan.',
      after_vote: 'Asukas näkee tulokset vastattuaan; kaikki näkevät ne kyselyn sulkeuduttua.',
      after_close: 'Asukkaat näkevät tulokset vasta kyselyn sulkeuduttua.',
      never: 'Tulokset näkyvät vain viranhaltijoille.',
    },
    change: 'Vastauksen muuttaminen',
    changeAllowed: 'Sallittu: vastaaja saattoi muuttaa vastaustaan kyselyn ollessa avoinna. Aineistossa on kunkin vastauksen viimeisin versio ja sen muutosaika.',
    changeNotAllowed: 'Ei sallittu: annettua vastausta ei voinut muuttaa.',
    share: 'Osuus',
    shareMeaning: 'Vaihtoehdon äänet jaettuna vastausten määrällä.',
    shareMultiple: 'Monivalinnassa vastaaja voi valita useita vaihtoehtoja, joten osuuksien summa voi ylittää 100 %.',
    rows: 'Aineiston rivit',
    ballotRows: 'Yksi rivi vastausta kohden: juokseva numero, antamis- ja muutosaika sekä valinnat. Vastaajasta tiedostossa ei ole mitään.',
    sealed: 'Sinetöity tulos',
    sealedText: (at, key) => `Kun kysely suljettiin, palvelin allekirjoitti tuloslausuman (${at} UTC) sivuston Ed25519-avaimella ${key}. Lausuma sisältää kyselyn määritelmän tiivisteen, äänimäärät, vastausten määrän ja Merkle-juuren kaikista kuiteista valintoineen. Alla lausuma sellaisenaan, allekirjoitus ja julkinen avain.`,
    notSealed: 'Tulosta ei ole vielä sinetöity: se sinetöidään ja allekirjoitetaan, kun kysely on sulkeutunut (viimeistään tunnin kuluessa).',
    statement: 'Tuloslausuma (allekirjoitetut tavut)',
    signature: 'Allekirjoitus (Ed25519, base64url)',
    publicKey: 'Julkinen avain (base64url)',
    verify: 'Tarkistaminen',
    verifyText: (page, command) => `Kuka tahansa voi laskea tuloksen uudelleen avoimesta aineistosta (CC BY 4.0) ja tarkistaa allekirjoituksen ja oman kuittinsa: ${page} tai komennolla ${command}`,
    form: 'Lomake',
    title: 'Otsikko',
    field: 'Kenttä',
    fieldTypes: {
      shortText: 'lyhyt teksti',
      longText: 'pitkä teksti',
      email: 'sähköposti (yhteystieto)',
      phone: 'puhelin (yhteystieto)',
      choice: 'yksi valinta',
      multiChoice: 'monivalinta',
      consent: 'suostumus (kyllä/ei)',
      location: 'sijainti (osoite ja/tai koordinaatit)',
    },
    categories: 'Luokat',
    included: 'Mukana',
    allButSpam: 'Kaikki tilat paitsi roskaposti',
    onlyStatus: (status) => `Vain tila: ${status}`,
    submissions: 'Palautteita',
    first: 'Ensimmäinen (Suomen aikaa)',
    latest: 'Viimeisin (Suomen aikaa)',
    leftOut: 'Jätetty pois',
    spamLeftOut: (n) => `Roskapostiksi merkityt palautteet (${n}): mukana vain pyydettäessä (status=spam).`,
    otherStatusesLeftOut: 'Muissa tiloissa olevat palautteet: vienti rajattiin yhteen tilaan.',
    viewerLeftOut: (fields) => `${fields ? `Yhteystiedot (${fields}) ja sisäiset` : 'Sisäiset'} vastaukset: ne näkyvät vain moderaattoreille ja sitä ylemmille rooleille, ja tämä vienti tehtiin katselijan tunnuksella.`,
    retention: (days) => `Yhteystiedot poistetaan ${days} päivän kuluttua tai asukkaan pyynnöstä; poistetut ovat tyhjiä.`,
    truncated: (n) => `${n} solun teksti lyhennettiin Excelin 32 767 merkin rajaan (lopussa …); koko teksti on CSV-, JSON- ja NDJSON-viennissä.`,
  },
  sv: {
    sheets: { results: 'Resultat', data: 'Data', methodology: 'Metod' },
    item: 'Uppgift',
    details: 'Förklaring',
    ballotsInTotal: 'Svar totalt',
    description: 'Beskrivning',
    kind: 'Frågetyp',
    single: 'Ett val',
    multiple: (min, max) => `Flerval: ${min === max ? min : `${min}–${max}`} val`,
    scale: (min, max) => `Skala ${min}–${max}`,
    scaleEnd: 'Skalans ände',
    state: 'Status',
    states: { draft: 'utkast', upcoming: 'inte öppen ännu', open: 'öppen', closed: 'stängd' },
    opensAt: 'Öppnas (finsk tid)',
    closesAt: 'Stängs (finsk tid)',
    noOpensAt: 'ingen tid: öppen när statusen är öppen',
    noClosesAt: 'ingen tid: stängs för hand',
    createdAt: 'Skapad (finsk tid)',
    exportedAt: 'Exporterad (finsk tid)',
    times: 'Tider',
    helsinki: 'finsk tid (Europe/Helsinki), på sekunden',
    counting: 'Hur svarande räknas',
    voterModes: {
      anonymous:
        'Anonym: varje svar är knutet till en slumpmässig svarskod som widgeten sparar i webbläsaren. Servern sparar bara en hash av koden, saltad per enkät, och tar emot ett svar per kod; dessutom begränsas antalet svar per nätverksadress. Det som räknas är alltså anonyma koder, inte personer: den som tömmer webbläsarens data eller byter enhet får en ny kod.',
      challenge:
        'Anonym och kontrollerad: varje svar är knutet till en slumpmässig svarskod som widgeten sparar i webbläsaren. Servern sparar bara en hash av koden, saltad per enkät, och tar emot ett svar per kod; dessutom begränsas antalet svar per nätverksadress, och varje svar måste klara en Cloudflare Turnstile-kontroll (inte en robot). Det som räknas är anonyma koder, inte personer.',
      signed:
        'Identifierad: webbplatsen där enkäten är inbäddad signerade ett kortlivat intyg (JWT) för varje inloggad invånare. Servern kontrollerade signaturen och tar emot ett svar per invånare; av invånarens identifierare sparas bara en hash, saltad per enkät.',
    },
    visibility: 'Resultatens synlighet',
    visibilities: {
      always: 'Invånarna ser resultaten hela tiden.',
      after_vote: 'En invånare ser resultaten efter att ha svarat; alla ser dem när enkäten har stängts.',
      after_close: 'Invånarna ser resultaten först när enkäten har stängts.',
      never: 'Resultaten visas bara för tjänstemän.',
    },
    change: 'Ändra sitt svar',
    changeAllowed: 'Tillåtet: den som svarat kunde ändra sitt svar medan enkäten var öppen. Data innehåller varje svars senaste version och när det ändrades.',
    changeNotAllowed: 'Inte tillåtet: ett givet svar kunde inte ändras.',
    share: 'Andel',
    shareMeaning: 'Alternativets röster delat med antalet svar.',
    shareMultiple: 'Vid flerval kan den svarande välja flera alternativ, så andelarna kan tillsammans överstiga 100 %.',
    rows: 'Radernas innehåll',
    ballotRows: 'En rad per svar: löpnummer, när svaret gavs och ändrades samt valen. Filen innehåller ingenting om den som svarat.',
    sealed: 'Förseglat resultat',
    sealedText: (at, key) => `När enkäten stängdes undertecknade servern ett resultatutlåtande (${at} UTC) med webbplatsens Ed25519-nyckel ${key}. Utlåtandet innehåller enkätdefinitionens hash, rösterna, antalet svar och Merkle-roten över alla kvitton med val. Nedan utlåtandet ordagrant, signaturen och den offentliga nyckeln.`,
    notSealed: 'Resultatet har ännu inte förseglats: det förseglas och undertecknas när enkäten har stängts (senast inom en timme).',
    statement: 'Resultatutlåtande (de undertecknade byten)',
    signature: 'Signatur (Ed25519, base64url)',
    publicKey: 'Offentlig nyckel (base64url)',
    verify: 'Kontroll',
    verifyText: (page, command) => `Vem som helst kan räkna om resultatet från öppna data (CC BY 4.0) och kontrollera signaturen och sitt eget kvitto: ${page} eller med kommandot ${command}`,
    form: 'Formulär',
    title: 'Rubrik',
    field: 'Fält',
    fieldTypes: {
      shortText: 'kort text',
      longText: 'lång text',
      email: 'e-post (kontaktuppgift)',
      phone: 'telefon (kontaktuppgift)',
      choice: 'ett val',
      multiChoice: 'flerval',
      consent: 'samtycke (ja/nej)',
      location: 'plats (adress och/eller koordinater)',
    },
    categories: 'Kategorier',
    included: 'Med i filen',
    allButSpam: 'Alla statusar utom skräppost',
    onlyStatus: (status) => `Endast status: ${status}`,
    submissions: 'Inskickade svar',
    first: 'Första (finsk tid)',
    latest: 'Senaste (finsk tid)',
    leftOut: 'Utelämnat',
    spamLeftOut: (n) => `Svar markerade som skräppost (${n}): med bara på begäran (status=spam).`,
    otherStatusesLeftOut: 'Svar med andra statusar: exporten begränsades till en status.',
    viewerLeftOut: (fields) => `${fields ? `Kontaktuppgifter (${fields}) och interna` : 'Interna'} svar: de visas bara för moderatorer och högre roller, och den här exporten gjordes med en läsares nyckel.`,
    retention: (days) => `Kontaktuppgifter raderas efter ${days} dagar eller på invånarens begäran; raderade är tomma.`,
    truncated: (n) => `Texten i ${n} celler kortades till Excels gräns på 32 767 tecken (med … i slutet); hela texten finns i CSV-, JSON- och NDJSON-exporten.`,
  },
  en: {
    sheets: { results: 'Results', data: 'Data', methodology: 'Methodology' },
    item: 'Item',
    details: 'Details',
    ballotsInTotal: 'Ballots in total',
    description: 'Description',
    kind: 'Question type',
    single: 'Single choice',
    multiple: (min, max) => `Multiple choice: ${min === max ? min : `${min}–${max}`} choices`,
    scale: (min, max) => `Scale ${min}–${max}`,
    scaleEnd: 'End of the scale',
    state: 'Status',
    states: { draft: 'draft', upcoming: 'not open yet', open: 'open', closed: 'closed' },
    opensAt: 'Opens (Finnish time)',
    closesAt: 'Closes (Finnish time)',
    noOpensAt: 'no time set: open while its status is open',
    noClosesAt: 'no time set: closed by hand',
    createdAt: 'Created (Finnish time)',
    exportedAt: 'Exported (Finnish time)',
    times: 'Times',
    helsinki: 'Finnish time (Europe/Helsinki), to the second',
    counting: 'How voters were counted',
    voterModes: {
      anonymous:
        "Anonymous: each ballot is tied to a random voter token the widget keeps in the browser. The server stores only a hash of the token, salted per poll, and accepts one ballot per token; ballots are also rate-limited per network address. What is counted is anonymous tokens, not people: clearing the browser's data or using another device gives a new token.",
      challenge:
        'Anonymous and checked: each ballot is tied to a random voter token the widget keeps in the browser. The server stores only a hash of the token, salted per poll, and accepts one ballot per token; ballots are also rate-limited per network address, and each had to pass a Cloudflare Turnstile check (not a robot). What is counted is anonymous tokens, not people.',
      signed:
        "Signed in: the site the poll is embedded on signed a short-lived statement (JWT) for each signed-in resident. The server checked the signature and accepts one ballot per resident; of the resident's identifier only a hash, salted per poll, is stored.",
    },
    visibility: 'Results visibility',
    visibilities: {
      always: 'Residents see the results at all times.',
      after_vote: 'A resident sees the results after voting; everyone sees them once the poll has closed.',
      after_close: 'Residents see the results only once the poll has closed.',
      never: 'Only officials see the results.',
    },
    change: 'Changing a ballot',
    changeAllowed: "Allowed: a voter could change their ballot while the poll was open. The data has each ballot's latest version and when it was changed.",
    changeNotAllowed: 'Not allowed: a ballot could not be changed once cast.',
    share: 'Share',
    shareMeaning: "The option's votes divided by the number of ballots.",
    shareMultiple: 'In multiple choice a voter can choose several options, so the shares can add up to more than 100%.',
    rows: 'Rows of the data',
    ballotRows: 'One row per ballot: a running number, when it was cast and changed, and the choices. The file holds nothing about the voter.',
    sealed: 'Sealed result',
    sealedText: (at, key) => `When the poll closed, the server signed a result statement (${at} UTC) with the site's Ed25519 key ${key}. The statement holds the hash of the poll's definition, the tallies, the number of ballots and the Merkle root over every receipt with its choices. Below: the statement as signed, the signature and the public key.`,
    notSealed: 'The result is not sealed yet: it is sealed and signed once the poll has closed (within the hour at the latest).',
    statement: 'Result statement (the signed bytes)',
    signature: 'Signature (Ed25519, base64url)',
    publicKey: 'Public key (base64url)',
    verify: 'Checking',
    verifyText: (page, command) => `Anyone can recount the result from the open data (CC BY 4.0) and check the signature and their own receipt: ${page} or with the command ${command}`,
    form: 'Form',
    title: 'Title',
    field: 'Field',
    fieldTypes: {
      shortText: 'short text',
      longText: 'long text',
      email: 'email (contact detail)',
      phone: 'phone (contact detail)',
      choice: 'single choice',
      multiChoice: 'multiple choice',
      consent: 'consent (yes/no)',
      location: 'place (address and/or coordinates)',
    },
    categories: 'Categories',
    included: 'Included',
    allButSpam: 'Every status but spam',
    onlyStatus: (status) => `Only status: ${status}`,
    submissions: 'Submissions',
    first: 'First (Finnish time)',
    latest: 'Latest (Finnish time)',
    leftOut: 'Left out',
    spamLeftOut: (n) => `Submissions marked as spam (${n}): included only on request (status=spam).`,
    otherStatusesLeftOut: 'Submissions in other statuses: the export was limited to one status.',
    viewerLeftOut: (fields) => `${fields ? `Contact details (${fields}) and private` : 'Private'} replies: only moderators and higher roles see them, and this export was made with a viewer's token.`,
    retention: (days) => `Contact details are removed after ${days} days or at the resident's request; removed ones are empty.`,
    truncated: (n) => `The text of ${n} cells was cut to Excel's limit of 32,767 characters (ending in …); the whole text is in the CSV, JSON and NDJSON exports.`,
  },
};
