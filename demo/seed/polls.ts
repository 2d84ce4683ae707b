/** The poll pasted into the demo article (fi and sv pages). */
const winterPoll = {
  id: 'pyorateiden-talvikunnossapito',
  kind: 'multiple',
  question: {
    fi: 'Mikä talvikunnossapidossa on sinulle tärkeintä?',
    sv: 'Vad är viktigast för dig i vinterunderhållet?',
    en: 'What matters most to you in winter maintenance?',
  },
  description: {
    fi: 'Voit muuttaa vastaustasi niin kauan kuin kysely on auki.',
    sv: 'Du kan ändra ditt svar så länge enkäten är öppen.',
    en: 'You can change your answer for as long as the poll is open.',
  },
  options: [
    { id: 'paareitit', label: { fi: 'Pyöräilyn pääreitit aurataan ensin', sv: 'Huvudcykelstråken plogas först', en: 'Main cycle routes are cleared first' } },
    { id: 'koulureitit', label: { fi: 'Koulureitit ja koulujen ympäristöt', sv: 'Skolvägar och skolornas omgivning', en: 'School routes and school surroundings' } },
    { id: 'liukkaus', label: { fi: 'Jalkakäytävien liukkaudentorjunta', sv: 'Halkbekämpning på trottoarerna', en: 'Gritting the pavements' } },
    { id: 'pysakit', label: { fi: 'Bussipysäkit ja vaihtopaikat', sv: 'Busshållplatser och bytespunkter', en: 'Bus stops and interchanges' } },
    { id: 'asuinkadut', label: { fi: 'Asuinkatujen auraus', sv: 'Plogning av bostadsgator', en: 'Clearing residential streets' } },
  ],
  minChoices: 1,
  maxChoices: 2,
  resultsVisibility: 'after_vote',
  allowChange: true,
  closesAt: '2026-12-31T21:59:00Z',
  status: 'open',
  caseId: 'KOI/1234/10.03.00/2026',
};

type Texts = { fi: string; sv: string; en: string };
const project = (id: string, area: string, cost: number, label: Texts, description: Texts) => ({ id, area, cost, label, description });

/**
 * OmaKoivulahti 2027, the demo's participatory budget (demo/site/osallistuva-budjetointi/): as
 * Helsinki's OmaStadi, each district has a budget of its own and a resident votes in one.
 */
export const demoBudget = {
  id: 'omakoivulahti-2027',
  kind: 'budget',
  question: { fi: 'OmaKoivulahti 2027: mitä alueellesi tehdään?', sv: 'MittBjörkvik 2027: vad ska göras i ditt område?', en: 'My Koivulahti 2027: what should be done in your area?' },
  description: {
    fi: 'Valitse alueesi ja hankkeet, jotka haluat toteuttaa. Hankkeet toteutetaan äänimäärän mukaan niin pitkälle kuin alueen budjetti riittää.',
    sv: 'Välj ditt område och de projekt du vill genomföra. Projekten genomförs i ordning efter röster så långt som områdets budget räcker.',
    en: 'Choose your area and the projects you want carried out. Projects are carried out in order of votes as far as the area\'s budget goes.',
  },
  budget: {
    maxProjects: 5,
    areas: [
      { id: 'keskusta', label: { fi: 'Keskusta', sv: 'Centrum', en: 'City centre' }, cap: 400_000 },
      { id: 'pohjoinen', label: { fi: 'Pohjoinen', sv: 'Norra', en: 'North' }, cap: 300_000 },
      { id: 'saaristo', label: { fi: 'Saaristo', sv: 'Skärgården', en: 'Archipelago' }, cap: 200_000 },
    ],
  },
  options: [
    project('torin-katos', 'keskusta', 250_000, { fi: 'Katos torin tapahtumille', sv: 'Tak för evenemang på torget', en: 'A canopy for events in the market square' }, {
      fi: 'Kevyt katos torin länsilaitaan konserteille ja markkinoille.',
      sv: 'Ett lätt tak i torgets västra kant för konserter och marknader.',
      en: 'A light canopy on the west side of the square for concerts and markets.',
    }),
    project('kirjaston-pihapelit', 'keskusta', 60_000, { fi: 'Pihapelit kirjaston pihalle', sv: 'Gårdsspel vid biblioteket', en: 'Outdoor games by the library' }, {
      fi: 'Ulkoshakki, mölkky ja pingispöytä kaikenikäisille.',
      sv: 'Utomhusschack, mölkky och pingisbord för alla åldrar.',
      en: 'Outdoor chess, mölkky and a table-tennis table for all ages.',
    }),
    project('penkit-rantaan', 'keskusta', 40_000, { fi: 'Penkkejä rantareitille', sv: 'Bänkar längs strandleden', en: 'Benches along the shore path' }, {
      fi: 'Kaksitoista penkkiä käsinojin, noin 200 metrin välein.',
      sv: 'Tolv bänkar med armstöd, ungefär var 200:e meter.',
      en: 'Twelve benches with armrests, about every 200 metres.',
    }),
    project('pyorakatos-asema', 'keskusta', 150_000, { fi: 'Katettu pyöräparkki asemalle', sv: 'Tak över cykelparkeringen vid stationen', en: 'A covered bike park at the station' }, {
      fi: '120 runkolukittavaa paikkaa katoksen alle.',
      sv: '120 platser med ramlås under tak.',
      en: '120 frame-lockable places under a roof.',
    }),
    project('latu-valot', 'pohjoinen', 180_000, { fi: 'Valaistus Koivumäen ladulle', sv: 'Belysning på Björkbackens skidspår', en: 'Lights for the Birch Hill ski track' }, {
      fi: 'Kolmen kilometrin lenkki valaistaan, jotta hiihtää voi myös arki-iltaisin.',
      sv: 'En tre kilometer lång slinga belyses så att man kan åka skidor även på vardagskvällar.',
      en: 'A three-kilometre loop is lit so that people can ski on weekday evenings too.',
    }),
    project('koirapuisto', 'pohjoinen', 90_000, { fi: 'Koira-aitaus Pohjoispuistoon', sv: 'Hundrastgård i Norra parken', en: 'A dog park in the North park' }, {
      fi: 'Erilliset aitaukset isoille ja pienille koirille.',
      sv: 'Separata inhägnader för stora och små hundar.',
      en: 'Separate enclosures for large and small dogs.',
    }),
    project('skeittiparkki', 'pohjoinen', 120_000, { fi: 'Skeittiparkin laajennus', sv: 'Utvidgning av skateparken', en: 'Extending the skatepark' }, {
      fi: 'Uusia ramppeja ja aloittelijoiden alue koulun viereen.',
      sv: 'Nya ramper och ett område för nybörjare intill skolan.',
      en: 'New ramps and a beginners\' area next to the school.',
    }),
    project('laituri', 'saaristo', 140_000, { fi: 'Uusi laituri Kivisaareen', sv: 'Ny brygga på Stenholmen', en: 'A new pier on Stone Island' }, {
      fi: 'Esteetön laituri, johon yhteysalus voi rantautua.',
      sv: 'En tillgänglig brygga där förbindelsebåten kan lägga till.',
      en: 'An accessible pier where the ferry can call.',
    }),
    project('saunan-kunnostus', 'saaristo', 70_000, { fi: 'Yleisen saunan kunnostus', sv: 'Renovering av den allmänna bastun', en: 'Renovating the public sauna' }, {
      fi: 'Uusi kiuas, lauteet ja pukuhuoneen luiska.',
      sv: 'Ny bastuugn, lave och en ramp till omklädningsrummet.',
      en: 'A new stove, benches and a ramp to the changing room.',
    }),
    project('saaristo-reitisto', 'saaristo', 50_000, { fi: 'Opasteet saariston luontopoluille', sv: 'Skyltar på skärgårdens naturstigar', en: 'Signs for the archipelago\'s nature trails' }, {
      fi: 'Kolmikieliset opasteet ja kartat neljälle polulle.',
      sv: 'Skyltar och kartor på tre språk för fyra stigar.',
      en: 'Trilingual signs and maps for four trails.',
    }),
  ],
  resultsVisibility: 'after_vote',
  allowChange: true,
  closesAt: '2027-01-31T21:59:00Z',
  status: 'open',
};

/** Ranked choice: the name of the new square (demo/site/osallistuva-budjetointi/, below the budget). */
export const demoRanked = {
  id: 'uuden-aukion-nimi',
  kind: 'ranked',
  question: { fi: 'Mikä nimi asemanseudun uudelle aukiolle?', sv: 'Vilket namn ska det nya torget vid stationen få?', en: 'What should the new square by the station be called?' },
  description: {
    fi: 'Aseta enintään kolme nimeä mieluisuusjärjestykseen. Tulos lasketaan välittömällä vaalikierroksella.',
    sv: 'Rangordna högst tre namn. Resultatet räknas med alternativröstning.',
    en: 'Rank up to three names. The result is counted by instant runoff.',
  },
  options: [
    { id: 'koivuaukio', label: { fi: 'Koivuaukio', sv: 'Björkplatsen', en: 'Birch Square' } },
    { id: 'ratapiha', label: { fi: 'Ratapihantori', sv: 'Bangårdstorget', en: 'Railyard Square' } },
    { id: 'kohtaamo', label: { fi: 'Kohtaamispaikka', sv: 'Mötesplatsen', en: 'Meeting Place' } },
    { id: 'veturi', label: { fi: 'Veturiaukio', sv: 'Lokplatsen', en: 'Locomotive Square' } },
  ],
  maxChoices: 3,
  resultsVisibility: 'after_vote',
  allowChange: true,
  closesAt: '2027-01-31T21:59:00Z',
  status: 'open',
};

/** Every demo poll, as `npm start` seeds them. */
export const demoPolls = [winterPoll, demoBudget, demoRanked];
