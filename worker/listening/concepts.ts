/**
 * Municipal concepts in Finnish, Swedish and English: the bridge that lets "cykelvägarna",
 * "pyöräteiden" and "cycle paths" fall in one theme although they share no letters. A concept is
 * the beginnings of the words that name it in each language (folded: no ä, ö, å), matched at the
 * start of a word, or inside a compound when the beginning is five letters or more
 * ("talviauraus" has "auraus"). Words that begin the same but mean something else are listed
 * apart ("parkering" is parking, not a park).
 *
 * The vocabulary is that of municipal services in general — streets, transport, parks, schools,
 * health, culture, housing — kept short and broad. It was not fitted to the evaluation set: the
 * bench reports the themes' agreement with and without it.
 */
interface Concept {
  words: string[];
  /** Beginnings that look like the concept's but are not it. */
  not?: string[];
}

const CONCEPTS: Record<string, Concept> = {
  snow: { words: ['lumi', 'lume', 'lunt', 'lumen', 'auraus', 'aurat', 'aurau', 'auraa', 'aurak', 'hiekoi', 'hiekot', 'liukka', 'liukas', 'polanne', 'sohjo', 'sno', 'plog', 'sandning', 'halk', 'slask', 'snow', 'plough', 'plow', 'gritt', 'slush', 'icy'] },
  bicycle: { words: ['pyora', 'pyorai', 'fillari', 'cykel', 'cykl', 'bike', 'bicycl', 'cycl'] },
  bus: { words: ['bussi', 'linja-auto', 'pysak', 'aikataul', 'joukkoliiken', 'buss', 'hallplats', 'tidtabell', 'kollektivtrafik', 'bus', 'timetabl'] },
  library: { words: ['kirjasto', 'kirja', 'lainaa', 'bibliotek', 'bok', 'bocker', 'library', 'librar', 'book'] },
  school: { words: ['koulu', 'oppila', 'opettaj', 'luokka', 'skol', 'elev', 'larare', 'school', 'pupil', 'teacher', 'classroom'] },
  daycare: { words: ['paivakot', 'paivakod', 'varhaiskasvat', 'tarha', 'dagis', 'daghem', 'dagvard', 'forskol', 'daycare', 'kindergarten', 'nursery'] },
  park: { words: ['puisto', 'viheralue', 'park', 'gronomrad', 'greenspace'], not: ['parkki', 'parkering', 'parkera', 'parking', 'parked'] },
  playground: { words: ['leikki', 'keinu', 'liukumae', 'hiekkalaatik', 'lekpark', 'lekplats', 'gunga', 'gungor', 'playground', 'swing'] },
  bench: { words: ['penkk', 'penkit', 'bank', 'bench'] },
  tree: { words: ['puiden', 'puita', 'puusto', 'trad', 'tree'] },
  light: { words: ['valo', 'valai', 'lamppu', 'lampu', 'lamp', 'belysning', 'ljus', 'light', 'lighting', 'streetlight'], not: ['valokuva', 'valoisa', 'ljusare'] },
  dark: { words: ['pimea', 'pimey', 'mork', 'dark'] },
  litter: { words: ['roska', 'roskis', 'jate', 'kierrat', 'skrap', 'sopor', 'soptunn', 'sopkarl', 'avfall', 'atervinn', 'nedskrap', 'litter', 'rubbish', 'trash', 'garbage', 'recycl', 'waste'] },
  graffiti: { words: ['graffit', 'tohri', 'tagi', 'klotter', 'graffiti'] },
  noise: { words: ['melu', 'meteli', 'aanek', 'kolina', 'paukut', 'buller', 'oljud', 'larm', 'noise', 'noisy', 'loud'] },
  construction: { words: ['tyomaa', 'rakennus', 'rakentam', 'remont', 'kaivu', 'bygg', 'renover', 'construction', 'roadwork', 'digging'] },
  swimming: { words: ['uima', 'uinti', 'uimari', 'sauna', 'simhall', 'simning', 'simma', 'bassang', 'swim', 'pool'] },
  sport: { words: ['urheil', 'liikunta', 'kuntosal', 'jaahalli', 'luistin', 'kentta', 'kentan', 'hiihto', 'latu', 'ladu', 'idrott', 'motion', 'gym', 'ishall', 'skridsk', 'skidspar', 'sport', 'rink', 'skating', 'pitch', 'jogging'] },
  health: { words: ['terveys', 'laakar', 'hoitaj', 'hammas', 'ajanvar', 'vastaanot', 'halsocentral', 'halsovard', 'lakar', 'tandlakar', 'sjukskot', 'vardcentral', 'health', 'doctor', 'nurse', 'dentist', 'clinic', 'appointment'] },
  elderly: { words: ['vanhu', 'ikaant', 'kotihoi', 'palvelutalo', 'aldre', 'hemvard', 'aldreboende', 'elderly'] },
  speed: { words: ['ylinopeu', 'nopeu', 'kaahai', 'kaahar', 'hidaste', 'fortkor', 'hastighet', 'farthinder', 'speed', 'speeding'] },
  parking: { words: ['pysakoi', 'parkki', 'parkering', 'parkera', 'parking', 'parked'] },
  crossing: { words: ['suojatie', 'risteys', 'liikennevalo', 'overgangsstalle', 'korsning', 'trafikljus', 'crossing', 'crosswalk', 'zebra'] },
  car: { words: ['auto', 'rekka', 'bil', 'lastbil', 'lorry', 'truck'], not: ['automaat', 'bild', 'bilj', 'autom'] },
  road: { words: ['katu', 'ajorata', 'kuoppa', 'kuopp', 'gata', 'gator', 'vag', 'vagar', 'grop', 'road', 'street', 'pothole'], not: ['vagn', 'vagra'] },
  pavement: { words: ['jalkakaytav', 'kevyenliikenteen', 'trottoar', 'gangbana', 'gangvag', 'pavement', 'sidewalk', 'footpath'] },
  water: { words: ['vesi', 'veden', 'vesijohto', 'tulva', 'hule', 'vatten', 'oversvamn', 'dagvatten', 'water', 'flood', 'drain'] },
  dog: { words: ['koira', 'hund', 'dog'] },
  beach: { words: ['ranta', 'uimaranta', 'strand', 'badstrand', 'beach'] },
  culture: { words: ['kulttuuri', 'konsert', 'museo', 'teatteri', 'kultur', 'museum', 'teater', 'culture', 'concert', 'theatre', 'theater'] },
  housing: { words: ['asunto', 'vuokra', 'kaavoitu', 'bostad', 'hyra', 'planlagg', 'housing', 'rent', 'zoning'] },
  opening: { words: ['aukiolo', 'aukeaa', 'suljettu', 'kiinni', 'oppettid', 'stangd', 'closed'] },
  child: { words: ['lapsi', 'lapse', 'lasten', 'barn', 'child', 'kids'] },
};

/** Each beginning → its concepts, longest first (a word takes the concepts of its longest match). */
const INDEX: [string, string, string[]][] = Object.entries(CONCEPTS)
  .flatMap(([id, c]) => c.words.map((w): [string, string, string[]] => [w, id, c.not ?? []]))
  .sort((a, b) => b[0].length - a[0].length);

/** The concepts a word (lower case, folded) names: at its start, or inside a compound for beginnings of five letters or more. */
export function conceptsOf(word: string): string[] {
  const found = new Set<string>();
  for (const [start, id, not] of INDEX) {
    const at = word.startsWith(start) ? 0 : start.length >= 5 ? word.indexOf(start, 3) : -1;
    if (at < 0 || not.some((n) => word.startsWith(n, at))) continue;
    found.add(id);
  }
  return [...found];
}
