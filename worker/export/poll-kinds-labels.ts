/** The words the exports of ranked and budget polls add: their sheets, columns and counting rules. */
import type { Lang } from '../schema/common.ts';

interface KindLabels {
  sheets: { rounds: string; borda: string; funded: string; statements: string; groups: string };
  ranked: (min: number, max: number) => string;
  budget: string;
  round: (n: number) => string;
  exhausted: string;
  eliminated: string;
  winner: string;
  noWinner: string;
  tieEarlier: string;
  tieLot: string;
  points: string;
  firstChoices: string;
  irvRule: string;
  bordaRule: string;
  tieRule: string;
  area: string;
  wholeBudget: string;
  cost: string;
  funded: string;
  yes: string;
  no: string;
  cap: string;
  spent: string;
  fundingRule: string;
  ballotRule: (cap: string, extras: string[]) => string;
  minSpend: (amount: string) => string;
  maxProjects: (n: number) => string;
  shareRanked: string;
  shareBudget: string;
  conversation: string;
  statement: string;
  author: string;
  authors: { official: string; resident: string };
  statementStatus: { pending: string; published: string; rejected: string };
  agree: string;
  disagree: string;
  pass: string;
  group: (n: number) => string;
  size: string;
  setsApart: string;
  consensus: string;
  divisive: string;
  groupsRule: string;
  noGroups: string;
}

export const KIND_LABELS: Record<Lang, KindLabels> = {
  fi: {
    sheets: { rounds: 'Kierrokset', borda: 'Borda', funded: 'Rahoitettavat', statements: 'Väitteet', groups: 'Mielipideryhmät' },
    ranked: (min, max) => (min === max ? `Järjestykseen asettaminen: vastaaja asettaa ${max} vaihtoehtoa järjestykseen` : `Järjestykseen asettaminen: vastaaja asettaa ${min}–${max} vaihtoehtoa järjestykseen`),
    budget: 'Osallistuva budjetointi: vastaaja valitsee hankkeita, joiden yhteishinta mahtuu budjettiin',
    round: (n) => `Kierros ${n}`,
    exhausted: 'Loppuun käytetyt äänet',
    eliminated: 'Pudotettiin',
    winner: 'Voittaja (välitön vaalikierros)',
    noWinner: 'ei voittajaa (ei ääniä)',
    tieEarlier: 'tasapeli ratkaistu aiempien kierrosten äänillä',
    tieLot: 'tasapeli ratkaistu arvalla',
    points: 'Pisteet',
    firstChoices: 'Ensisijaiset valinnat',
    irvRule: 'Välitön vaalikierros (IRV): joka kierroksella jokainen ääni lasketaan sen ylimmälle vielä mukana olevalle vaihtoehdolle. Yli puolet mukana olevista äänistä saanut voittaa; muuten vähiten ääniä saanut pudotetaan. Ääni, jossa ei ole enää yhtään mukana olevaa vaihtoehtoa, on käytetty loppuun.',
    bordaRule: 'Borda-pisteet: kun vaihtoehtoja on n, ensimmäinen valinta saa n − 1 pistettä, toinen n − 2 ja niin edelleen; järjestämättä jätetyt eivät saa pisteitä.',
    tieRule: 'Tasapeli vähimmistä äänistä ratkaistaan aiempien kierrosten äänillä (viimeisin ensin: vähemmän saanut putoaa) ja, jos ne ovat tasan, arvalla: pienin FNV-1a-tiiviste merkkijonosta "kysely:kierros:vaihtoehto" putoaa.',
    area: 'Alue',
    wholeBudget: 'Koko budjetti',
    cost: 'Hinta (€)',
    funded: 'Rahoitetaan',
    yes: 'kyllä',
    no: 'ei',
    cap: 'Budjetti (€)',
    spent: 'Käytetty (€)',
    fundingRule: 'Rahoitettavat hankkeet (OmaStadin sääntö): kunkin alueen hankkeet käydään läpi äänimäärän mukaan suurimmasta alkaen; hanke rahoitetaan, jos se mahtuu jäljellä olevaan budjettiin, muuten se ohitetaan ja siirrytään seuraavaan. Tasaäänissä järjestys arvotaan (pienin FNV-1a-tiiviste merkkijonosta "kysely:budget:hanke" ensin). Hanke ilman ääniä ei saa rahoitusta.',
    ballotRule: (cap, extras) => `Vastaus: hankkeet yhdeltä alueelta, yhteensä enintään ${cap}${extras.length ? `; ${extras.join('; ')}` : ''}.`,
    minSpend: (amount) => `vähintään ${amount}`,
    maxProjects: (n) => `enintään ${n} hanketta`,
    shareRanked: 'Osuus: kuinka moni vastaajista asetti vaihtoehdon johonkin kohtaan järjestyksessään; tulos lasketaan kierros-välilehdellä.',
    shareBudget: 'Osuus: kuinka moni vastaajista valitsi hankkeen; vastaaja voi valita useita, joten osuuksien summa voi ylittää 100 %.',
    conversation: 'Keskustelu: vastaajat ottavat kantaa väitteisiin (samaa mieltä, eri mieltä tai ohita) ja voivat ehdottaa omia väitteitään, jotka julkaistaan moderoinnin jälkeen.',
    statement: 'Väite',
    author: 'Kirjoittaja',
    authors: { official: 'kaupunki', resident: 'asukas' },
    statementStatus: { pending: 'odottaa moderointia', published: 'julkaistu', rejected: 'hylätty' },
    agree: 'Samaa mieltä',
    disagree: 'Eri mieltä',
    pass: 'Ohitti',
    group: (n) => `Ryhmä ${n}`,
    size: 'Koko',
    setsApart: 'Erottaa muista',
    consensus: 'Laajin yksimielisyys',
    divisive: 'Jakaa eniten',
    groupsRule: 'Mielipideryhmät (kuten Pol.is): äänet (samaa mieltä 1, eri mieltä −1, ohita 0; puuttuva ääni väitteen keskiarvona) tiivistetään pääkomponenttianalyysillä kahteen ulottuvuuteen, ja vähintään 7 väitteeseen kantaa ottaneet ryhmitellään k-means-menetelmällä (k = 2–5 siluettiluvun mukaan). Ryhmää kuvaavat väitteet, joissa se on merkitsevästi (95 %) useammin samaa tai eri mieltä kuin muut.',
    noGroups: 'Ryhmiä ei vielä ole: liian harva on ottanut kantaa vähintään seitsemään väitteeseen.',
  },
  sv: {
    sheets: { rounds: 'Rundor', borda: 'Borda', funded: 'Finansieras', statements: 'Påståenden', groups: 'Åsiktsgrupper' },
    ranked: (min, max) => (min === max ? `Rangordning: den svarande rangordnar ${max} alternativ` : `Rangordning: den svarande rangordnar ${min}–${max} alternativ`),
    budget: 'Medborgarbudget: den svarande väljer projekt vars sammanlagda kostnad ryms i budgeten',
    round: (n) => `Runda ${n}`,
    exhausted: 'Uttömda röster',
    eliminated: 'Ströks',
    winner: 'Vinnare (alternativröstning)',
    noWinner: 'ingen vinnare (inga röster)',
    tieEarlier: 'lika röstetal avgjort av tidigare rundor',
    tieLot: 'lika röstetal avgjort genom lottning',
    points: 'Poäng',
    firstChoices: 'Förstahandsval',
    irvRule: 'Alternativröstning (IRV): i varje runda räknas varje röst för dess högst rangordnade alternativ som ännu är med. Den som får mer än hälften av rösterna som ännu räknas vinner; annars stryks den med minst röster. En röst utan alternativ kvar är uttömd.',
    bordaRule: 'Bordapoäng: med n alternativ får förstahandsvalet n − 1 poäng, andrahandsvalet n − 2 och så vidare; alternativ som inte rangordnats får inga poäng.',
    tieRule: 'Lika röstetal om lägsta plats avgörs av tidigare rundor (den senaste först: den med färre stryks) och, om de också är lika, genom lottning: den lägsta FNV-1a-hashen av "enkät:runda:alternativ" stryks.',
    area: 'Område',
    wholeBudget: 'Hela budgeten',
    cost: 'Kostnad (€)',
    funded: 'Finansieras',
    yes: 'ja',
    no: 'nej',
    cap: 'Budget (€)',
    spent: 'Använt (€)',
    fundingRule: 'Projekt som finansieras (OmaStadis regel): varje områdes projekt gås igenom efter antal röster, flest först; ett projekt finansieras om det ryms i det som återstår av budgeten, annars hoppas det över och nästa prövas. Vid lika röstetal lottas ordningen (den lägsta FNV-1a-hashen av "enkät:budget:projekt" först). Ett projekt utan röster finansieras inte.',
    ballotRule: (cap, extras) => `Svar: projekt från ett område, sammanlagt högst ${cap}${extras.length ? `; ${extras.join('; ')}` : ''}.`,
    minSpend: (amount) => `minst ${amount}`,
    maxProjects: (n) => `högst ${n} projekt`,
    shareRanked: 'Andel: hur många av de svarande som rangordnade alternativet på någon plats; resultatet räknas på fliken Rundor.',
    shareBudget: 'Andel: hur många av de svarande som valde projektet; en svarande kan välja flera, så andelarna kan tillsammans överstiga 100 %.',
    conversation: 'Samtal: de svarande tar ställning till påståenden (håller med, håller inte med eller hoppar över) och kan föreslå egna påståenden, som publiceras efter moderering.',
    statement: 'Påstående',
    author: 'Författare',
    authors: { official: 'staden', resident: 'invånare' },
    statementStatus: { pending: 'väntar på moderering', published: 'publicerat', rejected: 'avvisat' },
    agree: 'Håller med',
    disagree: 'Håller inte med',
    pass: 'Hoppade över',
    group: (n) => `Grupp ${n}`,
    size: 'Storlek',
    setsApart: 'Skiljer gruppen från andra',
    consensus: 'Bredast enighet',
    divisive: 'Delar mest',
    groupsRule: 'Åsiktsgrupper (som i Pol.is): rösterna (håller med 1, håller inte med −1, hoppar över 0; en saknad röst som påståendets medelvärde) reduceras med principalkomponentanalys till två dimensioner, och de som tagit ställning till minst 7 påståenden grupperas med k-means (k = 2–5 enligt silhuettvärdet). En grupp beskrivs av påståenden som den signifikant (95 %) oftare håller med eller inte håller med om än de andra.',
    noGroups: 'Inga grupper ännu: för få har tagit ställning till minst sju påståenden.',
  },
  en: {
    sheets: { rounds: 'Rounds', borda: 'Borda', funded: 'Funded', statements: 'Statements', groups: 'Opinion groups' },
    ranked: (min, max) => (min === max ? `Ranked choice: a voter ranks ${max} options` : `Ranked choice: a voter ranks ${min}–${max} options`),
    budget: 'Participatory budgeting: a voter picks projects whose costs together fit the budget',
    round: (n) => `Round ${n}`,
    exhausted: 'Exhausted ballots',
    eliminated: 'Eliminated',
    winner: 'Winner (instant runoff)',
    noWinner: 'no winner (no ballots)',
    tieEarlier: 'tie broken by earlier rounds',
    tieLot: 'tie broken by lot',
    points: 'Points',
    firstChoices: 'First choices',
    irvRule: 'Instant runoff (IRV): each round, every ballot counts for its highest-ranked option still in the count. An option with more than half of the ballots still counting wins; otherwise the option with the fewest is eliminated. A ballot that ranks none of the options left is exhausted.',
    bordaRule: 'Borda count: with n options a first choice gets n − 1 points, a second n − 2, and so on; unranked options get none.',
    tieRule: 'A tie for the fewest votes is broken by the earlier rounds (most recent first: the one with fewer there is eliminated) and, where those tie too, by lot: the lowest FNV-1a hash of "poll:round:option" is eliminated.',
    area: 'Area',
    wholeBudget: 'Whole budget',
    cost: 'Cost (€)',
    funded: 'Funded',
    yes: 'yes',
    no: 'no',
    cap: 'Budget (€)',
    spent: 'Spent (€)',
    fundingRule: 'Funded projects (OmaStadi\'s rule): each area\'s projects are taken in order of votes, most first; a project is funded if it fits what is left of the budget, otherwise it is skipped and the next one is tried. Projects with equal votes are ordered by lot (the lowest FNV-1a hash of "poll:budget:project" first). A project with no votes is not funded.',
    ballotRule: (cap, extras) => `A ballot: projects from one area, together at most ${cap}${extras.length ? `; ${extras.join('; ')}` : ''}.`,
    minSpend: (amount) => `at least ${amount}`,
    maxProjects: (n) => `at most ${n} projects`,
    shareRanked: 'Share: how many voters ranked the option at all; the result is counted on the Rounds sheet.',
    shareBudget: 'Share: how many voters picked the project; a voter may pick several, so the shares can add up to more than 100%.',
    conversation: 'A conversation: voters agree, disagree or pass on statements and may propose their own, which are published after moderation.',
    statement: 'Statement',
    author: 'Author',
    authors: { official: 'the city', resident: 'a resident' },
    statementStatus: { pending: 'waiting for moderation', published: 'published', rejected: 'rejected' },
    agree: 'Agree',
    disagree: 'Disagree',
    pass: 'Passed',
    group: (n) => `Group ${n}`,
    size: 'Size',
    setsApart: 'Sets it apart',
    consensus: 'Broadest agreement',
    divisive: 'Most divisive',
    groupsRule: 'Opinion groups (as Pol.is): the votes (agree 1, disagree −1, pass 0; a missing vote as the statement\'s mean) are reduced by principal component analysis to two dimensions, and those who voted on at least 7 statements are grouped by k-means (k = 2–5 by silhouette). A group is described by the statements it agrees or disagrees with significantly (95 %) more often than the others.',
    noGroups: 'No groups yet: too few have voted on at least seven statements.',
  },
};
