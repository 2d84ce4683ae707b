import type { AuditMessages } from './messages.ts';

/** " 4": a statement's number, after the word for a statement, when the entry names one. */
const numbered = (detail: Record<string, unknown>) => (typeof detail.statement === 'string' ? ` ${detail.statement}` : '');
const q = (name: string) => `”${name}”`;

export const fi: AuditMessages = {
  groups: { '': 'Kaikki tapahtumat', poll: 'Kyselyt', statement: 'Väitteet', form: 'Lomakkeet', submission: 'Palautteet', decision: 'Päätökset', video: 'Videot', token: 'Tunnisteet', site: 'Asetukset' },
  did: ({ action, name, detail }, w) => {
    const status = typeof detail.status === 'string' ? detail.status : undefined;
    switch (action) {
      case 'poll.create':
        return `loi kyselyn ${q(name)}`;
      case 'poll.update':
        return status === 'closed' ? `sulki kyselyn ${q(name)}` : status === 'open' ? `avasi kyselyn ${q(name)}` : `muokkasi kyselyä ${q(name)}`;
      case 'statement.add':
        return `lisäsi väitteen keskusteluun ${q(name)}`;
      case 'statement.publish':
        return `julkaisi väitteen${numbered(detail)} keskustelussa ${q(name)}`;
      case 'statement.reject':
        return `hylkäsi väitteen${numbered(detail)} keskustelussa ${q(name)}`;
      case 'form.create':
        return `loi lomakkeen ${q(name)}`;
      case 'form.update':
        return status === 'closed' ? `sulki lomakkeen ${q(name)}` : status === 'open' ? `avasi lomakkeen ${q(name)}` : `muokkasi lomaketta ${q(name)}`;
      case 'submission.update':
        return detail.reply === 'public'
          ? `vastasi palautteeseen ${name} julkisesti`
          : detail.reply === 'private'
            ? `kirjoitti sisäisen muistiinpanon palautteeseen ${name}`
            : `merkitsi palautteen ${name} tilaan ${q(status ? w.status(status) : '')}`;
      case 'submission.contact_remove':
        return `poisti palautteen ${name} yhteystiedot`;
      case 'decision.create':
        return `lisäsi päätöksen ${q(name)}`;
      case 'decision.update':
        return `muokkasi päätöstä ${q(name)}`;
      case 'decision.delete':
        return `poisti päätöksen ${q(name)}`;
      case 'decision.import':
        return 'toi päätöksiä';
      case 'decision_term.update':
        return `nimesi ${detail.kind === 'district' ? 'alueen' : 'aiheen'} ${q(name)}`;
      case 'video.create':
        return `lisäsi videon ${q(name)}`;
      case 'video.update':
        return `muokkasi videota ${q(name)}`;
      case 'video.delete':
        return `poisti videon ${q(name)}`;
      case 'video.captions':
        return `lisäsi tekstitykset videoon ${q(name)}`;
      case 'video.captions_delete':
        return `poisti tekstitykset videosta ${q(name)}`;
      case 'video.poster':
        return `vaihtoi videon ${q(name)} kansikuvan`;
      case 'video.poster_delete':
        return `poisti videon ${q(name)} kansikuvan`;
      case 'video.channel':
        return `muokkasi kanavaa ${q(name)}`;
      case 'token.create':
        return `loi tunnisteen ${q(String(detail.label ?? name))}${typeof detail.role === 'string' ? ` (${w.role(detail.role)})` : ''}`;
      case 'token.revoke':
        return `poisti käytöstä tunnisteen ${q(String(detail.label ?? name))}`;
      case 'keys.rotate':
        return `vaihtoi sivuston allekirjoitusavaimen (uusi ${name})`;
      case 'site.update':
        return `muutti sivuston asetuksia` + (w.settings(detail) ? `: ${w.settings(detail)}` : '');
      default:
        return `teki muutoksen (${action}) kohteeseen ${q(name)}`;
    }
  },
  commandLine: 'komentorivi',
  sentence: (who, did, when) => `${who} ${did} ${when}`,
};
