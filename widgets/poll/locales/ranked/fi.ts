import type { RankedMessages } from './messages.ts';

const vaihtoehtoa = (n: number) => (n === 1 ? '1 vaihtoehto' : `${n} vaihtoehtoa`);

export const fi: RankedMessages = {
  hint: (min, max) =>
    `${min <= 1 ? `Järjestä enintään ${vaihtoehtoa(max)}` : min === max ? `Järjestä ${vaihtoehtoa(max)}` : `Järjestä vähintään ${min} ja enintään ${max} vaihtoehtoa`}: 1 on mieluisin.`,
  unranked: 'Ei järjestetty',
  yourRanking: 'Järjestyksesi',
  noneRanked: 'Et ole vielä järjestänyt vaihtoehtoja. Valitse sija vaihtoehdon kohdalta.',
  up: 'Ylös',
  down: 'Alas',
  remove: 'Poista',
  moveUpName: (option) => `Siirrä ${option} ylös`,
  moveDownName: (option) => `Siirrä ${option} alas`,
  removeName: (option) => `Poista ${option} järjestyksestä`,
  nowAt: (option, position, of) => `${option} on nyt sijalla ${position}. Järjestettyjä vaihtoehtoja on ${of}.`,
  removed: (option) => `${option} poistettiin järjestyksestä.`,
  pushedOut: (option, max) => `${option} putosi pois, koska sijoja on ${max}.`,
  errorNone: 'Järjestä vähintään yksi vaihtoehto ennen kuin vastaat.',
  errorTooFew: (min) => `Järjestä vähintään ${vaihtoehtoa(min)}.`,
  errorTooMany: (max) => `Järjestä enintään ${vaihtoehtoa(max)}.`,
  yourBallot: (ranking) => `Järjestyksesi: ${ranking}`,
  winner: (option) => `Voittaja karsintakierrosten jälkeen: ${option}`,
  noWinner: 'Vastauksia ei ole vielä annettu.',
  irvRule:
    'Jokaisella kierroksella vastaus lasketaan sille vaihtoehdolle, jonka vastaaja on järjestänyt korkeimmalle niistä, jotka ovat vielä mukana. Voittaja on se, joka saa yli puolet vastauksista; muuten vähiten saanut putoaa pois.',
  roundsCaption: 'Karsinta kierros kierrokselta',
  optionHeader: 'Vaihtoehto',
  round: (n) => `Kierros ${n}`,
  eliminated: 'putosi',
  tieEarlier: 'tasapeli ratkaistiin aiempien kierrosten perusteella',
  tieLot: 'tasapeli ratkaistiin arvalla',
  out: 'ei mukana',
  wins: 'voittaja',
  exhausted: 'Vastaukset, joiden vaihtoehdoista yksikään ei ole enää mukana',
  borda: 'Bordan pisteet',
  bordaRule: (n) => `Kun vaihtoehtoja on ${n}, ensimmäinen sija saa ${n - 1} pistettä, toinen ${n - 2} ja niin edelleen; järjestämättä jätetyt eivät saa pisteitä.`,
  points: (points) => (points === 1 ? '1 piste' : `${points} pistettä`),
  firstChoices: 'Ensimmäiset sijat',
  loadingCount: 'Ladataan laskentaa…',
  countFailed: 'Laskentaa ei saatu ladattua.',
  rankedBy: 'Kuinka moni järjesti kunkin vaihtoehdon',
};
