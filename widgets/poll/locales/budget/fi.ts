import type { BudgetMessages } from './messages.ts';

const hankkeet = (n: number) => (n === 1 ? '1 hanke' : `${n} hanketta`);

export const fi: BudgetMessages = {
  chooseArea: 'Valitse alueesi',
  chooseAreaFirst: 'Valitse ensin alue, niin näet sen hankkeet.',
  areaCap: (cap) => `budjetti ${cap}`,
  areaChosen: (area, cleared) => `Alue: ${area}.${cleared ? ' Toisen alueen hankkeet poistettiin valinnoistasi.' : ''}`,
  hint: (cap) => `Valitse hankkeita, joiden yhteishinta on enintään ${cap}.`,
  hintAreas: 'Valitse yksi alue ja sen hankkeita alueen budjetin rajoissa.',
  hintMin: (min) => `Valitse hankkeita vähintään ${min} edestä.`,
  hintMax: (max) => `Valitse enintään ${hankkeet(max)}.`,
  cost: (cost) => `Hinta ${cost}`,
  doesNotFit: 'Ei mahdu jäljellä olevaan budjettiin.',
  pickOverCap: (over) => `Tämä hanke ei mahdu: valintasi maksavat ${over} enemmän kuin budjetissa on. Poista jokin hanke.`,
  pickTooMany: (max) => `Voit valita enintään ${hankkeet(max)}. Poista jokin muu, jos haluat tämän.`,
  picked: (count, spent) => (count ? `Valittu ${hankkeet(count)}, yhteensä ${spent}.` : 'Et ole vielä valinnut hankkeita.'),
  left: (left, cap) => `${left} jäljellä / ${cap}`,
  over: (over, cap) => `Budjetti ${cap} ylittyy: ${over} liikaa.`,
  errorNoArea: 'Valitse alue ennen kuin vastaat.',
  errorNone: 'Valitse vähintään yksi hanke ennen kuin vastaat.',
  errorOverCap: (spent, cap) => `Valitsemasi hankkeet maksavat ${spent}, mikä on enemmän kuin budjetti ${cap}. Poista jokin hanke.`,
  errorUnderMin: (min, spent) => `Valitse hankkeita vähintään ${min} edestä. Nyt valintasi maksavat ${spent}.`,
  errorTooMany: (max) => `Valitse enintään ${hankkeet(max)}.`,
  rule: 'Hankkeet rahoitetaan äänimäärän mukaisessa järjestyksessä; hanke, joka ei enää mahdu jäljellä olevaan budjettiin, ohitetaan.',
  funded: 'Rahoitetaan',
  spentOf: (spent, cap) => `Hankkeisiin käytetään ${spent} budjetista ${cap}.`,
  projectResult: (votes, cost) => `${votes} · ${cost}`,
  yourPicks: (projects, total) => `Valitsemasi hankkeet: ${projects} (yhteensä ${total})`,
  summary: (projects) => `Rahoitetaan: ${projects}.`,
  noneFunded: 'Yhtään hanketta ei vielä rahoiteta.',
};
