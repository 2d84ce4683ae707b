/**
 * What a check of a sealed result says, in Finnish, Swedish and English: the same sentences in
 * `npm run verify` and on the verify page, so a journalist and a council member read the same.
 */
import type { CheckName, Recount } from './recount.ts';

export type VerifyLang = 'fi' | 'sv' | 'en';

export interface VerifyText {
  title: (poll: string) => string;
  result: (ballots: number, tallies: string) => string;
  checks: Record<CheckName, (ok: boolean, r: Recount) => string>;
  allOk: string;
  failed: string;
  counted: (receipt: string, choices: string, hour: string) => string;
  replaced: (receipt: string) => string;
  notFound: (receipt: string) => string;
  proofFailed: (receipt: string) => string;
  fetchFailed: (url: string, why: string) => string;
}

const n = (count: number, lang: VerifyLang) => count.toLocaleString(lang === 'en' ? 'en-GB' : lang);

export const VERIFY_TEXT: Record<VerifyLang, VerifyText> = {
  fi: {
    title: (poll) => `Kyselyn ${poll} sinetöity tulos`,
    result: (ballots, tallies) => `Tulos: ${n(ballots, 'fi')} vastausta – ${tallies}`,
    checks: {
      signature: (ok, r) => (ok ? `Allekirjoitus on sivuston avaimen ${r.statement.key}.` : `Allekirjoitus ei täsmää avaimeen ${r.statement.key}: tulosta on muutettu tai avain on väärä.`),
      order: (ok, r) => (ok ? `Kuitit ovat järjestyksessä, kukin kerran (${n(r.statement.ballots, 'fi')}).` : `Kuitit eivät ole järjestyksessä tai sama kuitti on kahdesti.`),
      count: (ok, r) => (ok ? `Lehtiä on yhtä monta kuin vastauksia (${n(r.statement.ballots, 'fi')}).` : `Lehtien määrä ei ole sama kuin vastausten määrä ${n(r.statement.ballots, 'fi')}.`),
      tallies: (ok) => (ok ? 'Uudelleenlaskenta antaa samat äänimäärät.' : 'Uudelleenlaskenta antaa eri äänimäärät kuin tulos.'),
      root: (ok, r) => (ok ? `Lehdistä laskettu juuri on sama kuin tuloksessa (${r.root.slice(0, 16)}…).` : 'Lehdistä laskettu juuri on eri kuin tuloksessa: lehtiä on muutettu.'),
    },
    allOk: 'Kaikki tarkistukset onnistuivat: tulos vastaa julkaistuja vastauksia.',
    failed: 'Tarkistus epäonnistui: tähän tulokseen ei voi luottaa.',
    counted: (receipt, choices, hour) => `Kuitti ${receipt} on laskettu: valinta ${choices}, annettu ${hour} (UTC). Todiste täsmää juureen.`,
    replaced: (receipt) => `Kuitti ${receipt} korvattiin, kun vastausta muutettiin; uudella vastauksella on oma kuittinsa.`,
    notFound: (receipt) => `Kuittia ${receipt} ei löydy tämän kyselyn vastauksista.`,
    proofFailed: (receipt) => `Kuitin ${receipt} todiste ei täsmää juureen.`,
    fetchFailed: (url, why) => `Osoitteesta ${url} ei saatu tietoja: ${why}`,
  },
  sv: {
    title: (poll) => `Förseglat resultat för enkäten ${poll}`,
    result: (ballots, tallies) => `Resultat: ${n(ballots, 'sv')} svar – ${tallies}`,
    checks: {
      signature: (ok, r) => (ok ? `Signaturen är gjord med webbplatsens nyckel ${r.statement.key}.` : `Signaturen stämmer inte med nyckeln ${r.statement.key}: resultatet har ändrats eller nyckeln är fel.`),
      order: (ok, r) => (ok ? `Kvittona är i ordning, vart och ett en gång (${n(r.statement.ballots, 'sv')}).` : 'Kvittona är inte i ordning, eller samma kvitto finns två gånger.'),
      count: (ok, r) => (ok ? `Det finns lika många löv som svar (${n(r.statement.ballots, 'sv')}).` : `Antalet löv är inte detsamma som antalet svar, ${n(r.statement.ballots, 'sv')}.`),
      tallies: (ok) => (ok ? 'En ny räkning ger samma antal röster.' : 'En ny räkning ger andra antal röster än resultatet.'),
      root: (ok, r) => (ok ? `Roten beräknad ur löven är densamma som i resultatet (${r.root.slice(0, 16)}…).` : 'Roten beräknad ur löven skiljer sig från resultatets: löven har ändrats.'),
    },
    allOk: 'Alla kontroller lyckades: resultatet motsvarar de publicerade svaren.',
    failed: 'Kontrollen misslyckades: det här resultatet går inte att lita på.',
    counted: (receipt, choices, hour) => `Kvittot ${receipt} har räknats: val ${choices}, givet ${hour} (UTC). Beviset stämmer med roten.`,
    replaced: (receipt) => `Kvittot ${receipt} ersattes när svaret ändrades; det nya svaret har ett eget kvitto.`,
    notFound: (receipt) => `Kvittot ${receipt} finns inte bland enkätens svar.`,
    proofFailed: (receipt) => `Beviset för kvittot ${receipt} stämmer inte med roten.`,
    fetchFailed: (url, why) => `Kunde inte hämta ${url}: ${why}`,
  },
  en: {
    title: (poll) => `Sealed result of the poll ${poll}`,
    result: (ballots, tallies) => `Result: ${n(ballots, 'en')} answers – ${tallies}`,
    checks: {
      signature: (ok, r) => (ok ? `The signature is the site's key ${r.statement.key}.` : `The signature does not match the key ${r.statement.key}: the result was changed, or the key is wrong.`),
      order: (ok, r) => (ok ? `The receipts are in order, each once (${n(r.statement.ballots, 'en')}).` : 'The receipts are out of order, or one appears twice.'),
      count: (ok, r) => (ok ? `There are as many leaves as answers (${n(r.statement.ballots, 'en')}).` : `The number of leaves is not the number of answers, ${n(r.statement.ballots, 'en')}.`),
      tallies: (ok) => (ok ? 'Counting the leaves again gives the same tallies.' : 'Counting the leaves again gives other tallies than the result.'),
      root: (ok, r) => (ok ? `The root computed from the leaves is the result's (${r.root.slice(0, 16)}…).` : 'The root computed from the leaves differs from the result\'s: the leaves were changed.'),
    },
    allOk: 'Every check passed: the result matches the published answers.',
    failed: 'The check failed: this result cannot be trusted.',
    counted: (receipt, choices, hour) => `Receipt ${receipt} was counted: choice ${choices}, given ${hour} (UTC). Its proof matches the root.`,
    replaced: (receipt) => `Receipt ${receipt} was replaced when the answer was changed; the new answer has a receipt of its own.`,
    notFound: (receipt) => `Receipt ${receipt} is not among this poll's answers.`,
    proofFailed: (receipt) => `The proof of receipt ${receipt} does not match the root.`,
    fetchFailed: (url, why) => `Could not fetch ${url}: ${why}`,
  },
};

/** "a 3, b 1, c 1". */
export const talliesText = (tallies: { option: string; count: number }[], lang: VerifyLang) => tallies.map((t) => `${t.option} ${n(t.count, lang)}`).join(', ');
