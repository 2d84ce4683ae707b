/**
 * The demo's conversation (demo/site/keskustelu/): what residents think of the main library's
 * future, Pol.is style, with the votes of 48 made-up residents in three camps so that the
 * opinion groups have something to show, and one resident's statement waiting for a moderator.
 */
type Texts = { fi: string; sv: string; en: string };
const statement = (id: string, fi: string, sv: string, en: string): { id: string; label: Texts } => ({ id, label: { fi, sv, en } });

export const demoConversation = {
  id: 'kirjaston-tulevaisuus',
  kind: 'statements',
  question: {
    fi: 'Millainen on Koivulahden pääkirjasto vuonna 2030?',
    sv: 'Hurdant är Björkviks huvudbibliotek år 2030?',
    en: 'What should Koivulahti\'s main library be like in 2030?',
  },
  description: {
    fi: 'Ota kantaa väitteisiin yksi kerrallaan ja lisää oma väitteesi. Näet, mistä koivulahtelaiset ovat yhtä mieltä ja mistä eri mieltä.',
    sv: 'Ta ställning till påståendena ett i taget och lägg till ditt eget. Du ser vad björkvikborna är överens om och vad de inte är överens om.',
    en: 'Take a stand on the statements one at a time and add your own. You will see what people in Koivulahti agree on and where they differ.',
  },
  options: [
    statement('s1', 'Kirjaston pitäisi olla auki myös sunnuntaisin.', 'Biblioteket borde vara öppet också på söndagar.', 'The library should be open on Sundays too.'),
    statement('s2', 'Omatoimikirjasto ilman henkilökuntaa riittää iltaisin.', 'Ett meröppet bibliotek utan personal räcker på kvällarna.', 'A self-service library without staff is enough in the evenings.'),
    statement('s3', 'Kirjaston tärkein tehtävä on lainata kirjoja.', 'Bibliotekets viktigaste uppgift är att låna ut böcker.', 'Lending books is the library\'s most important task.'),
    statement('s4', 'Kirjastossa pitäisi voida lainata työkaluja ja urheiluvälineitä.', 'Man borde kunna låna verktyg och sportredskap på biblioteket.', 'People should be able to borrow tools and sports gear at the library.'),
    statement('s5', 'Hiljaiselle lukemiselle tarvitaan oma kerros.', 'Det behövs en egen våning för tyst läsning.', 'Quiet reading needs a floor of its own.'),
    statement('s6', 'Kirjaston kahvila tekisi siitä viihtyisämmän.', 'Ett kafé skulle göra biblioteket trivsammare.', 'A café would make the library more pleasant.'),
    statement('s7', 'Nuorille tarvitaan oma tila, jossa saa pitää ääntä.', 'De unga behöver ett eget rum där man får låta.', 'Young people need a space of their own where they can make noise.'),
    statement('s8', 'Säästöt kannattaa hakea vähentämällä aukioloa, ei kokoelmista.', 'Inbesparingar bör göras genom kortare öppettider, inte i samlingarna.', 'Savings should come from shorter opening hours, not from the collections.'),
    statement('s9', 'Ruotsinkielisiä kirjoja ja palveluja pitää olla enemmän.', 'Det ska finnas fler svenska böcker och tjänster.', 'There should be more books and services in Swedish.'),
    statement('s10', 'Kirjaston tilat pitäisi antaa yhdistyksille maksutta.', 'Föreningar borde få använda bibliotekets lokaler gratis.', 'Associations should be able to use the library\'s rooms free of charge.'),
    statement('s11', 'E-kirjat ja äänikirjat ovat tärkeämpiä kuin painetut.', 'E-böcker och ljudböcker är viktigare än tryckta.', 'E-books and audiobooks matter more than printed ones.'),
    statement('s12', 'Kirjaston pitää pysyä keskustassa, vaikka vuokra nousee.', 'Biblioteket ska stanna i centrum även om hyran stiger.', 'The library must stay in the centre even if the rent goes up.'),
  ],
  resultsVisibility: 'after_vote',
  closesAt: '2027-02-28T21:59:00Z',
  status: 'open',
};

/**
 * How each camp votes (1 agree, −1 disagree, 0 pass), statement by statement: the "quiet
 * readers", the "living room" camp and the "lean library" camp. Everyone agrees with 12 (stay in
 * the centre), so it is the broadest agreement; 2 and 8 split the camps.
 */
const CAMPS: { residents: number; votes: (-1 | 0 | 1)[] }[] = [
  { residents: 18, votes: [1, -1, 1, -1, 1, -1, -1, -1, 1, 0, -1, 1] },
  { residents: 18, votes: [1, -1, -1, 1, -1, 1, 1, -1, 0, 1, 0, 1] },
  { residents: 12, votes: [-1, 1, 1, -1, 0, -1, -1, 1, -1, -1, 1, 1] },
];

/** Each made-up resident's votes: their camp's, with one vote in eight flipped or skipped, the same every time the demo is seeded. */
export function demoConversationVotes(): { resident: number; statement: number; vote: 'agree' | 'disagree' | 'pass' }[] {
  let seed = 2027;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const words = { 1: 'agree', [-1]: 'disagree', 0: 'pass' } as const;
  const out: ReturnType<typeof demoConversationVotes> = [];
  let resident = 0;
  for (const camp of CAMPS) {
    for (let r = 0; r < camp.residents; r++, resident++) {
      camp.votes.forEach((vote, i) => {
        const roll = random();
        if (roll < 0.07) return; // not every resident votes on every statement
        const flipped = roll < 0.125 ? (vote === 1 ? -1 : 1) : vote;
        out.push({ resident, statement: i + 1, vote: words[flipped as -1 | 0 | 1] });
      });
    }
  }
  return out;
}

/** A resident's statement, waiting in the moderators' queue. */
export const demoWaitingStatement = { text: 'Kirjastoon tarvitaan lisää pistorasioita ja työpisteitä etätyöhön.', lang: 'fi' };
