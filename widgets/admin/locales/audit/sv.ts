import type { AuditMessages } from './messages.ts';

/** " 4": a statement's number, after the word for a statement, when the entry names one. */
const numbered = (detail: Record<string, unknown>) => (typeof detail.statement === 'string' ? ` ${detail.statement}` : '');
const q = (name: string) => `”${name}”`;

export const sv: AuditMessages = {
  groups: { '': 'Alla händelser', poll: 'Enkäter', statement: 'Påståenden', form: 'Formulär', submission: 'Respons', decision: 'Beslut', video: 'Videor', token: 'Nycklar', site: 'Inställningar' },
  did: ({ action, name, detail }, w) => {
    const status = typeof detail.status === 'string' ? detail.status : undefined;
    switch (action) {
      case 'poll.create':
        return `skapade enkäten ${q(name)}`;
      case 'poll.update':
        return status === 'closed' ? `stängde enkäten ${q(name)}` : status === 'open' ? `öppnade enkäten ${q(name)}` : `ändrade enkäten ${q(name)}`;
      case 'statement.add':
        return `lade till ett påstående i samtalet ${q(name)}`;
      case 'statement.publish':
        return `publicerade påstående${numbered(detail)} i samtalet ${q(name)}`;
      case 'statement.reject':
        return `avvisade påstående${numbered(detail)} i samtalet ${q(name)}`;
      case 'form.create':
        return `skapade formuläret ${q(name)}`;
      case 'form.update':
        return status === 'closed' ? `stängde formuläret ${q(name)}` : status === 'open' ? `öppnade formuläret ${q(name)}` : `ändrade formuläret ${q(name)}`;
      case 'submission.update':
        return detail.reply === 'public'
          ? `besvarade responsen ${name} offentligt`
          : detail.reply === 'private'
            ? `skrev en intern anteckning till responsen ${name}`
            : `satte responsen ${name} till ${q(status ? w.status(status) : '')}`;
      case 'submission.contact_remove':
        return `tog bort kontaktuppgifterna i responsen ${name}`;
      case 'decision.create':
        return `lade till beslutet ${q(name)}`;
      case 'decision.update':
        return `ändrade beslutet ${q(name)}`;
      case 'decision.delete':
        return `tog bort beslutet ${q(name)}`;
      case 'decision.import':
        return 'importerade beslut';
      case 'decision_term.update':
        return `namngav ${detail.kind === 'district' ? 'området' : 'ämnet'} ${q(name)}`;
      case 'video.create':
        return `lade till videon ${q(name)}`;
      case 'video.update':
        return `ändrade videon ${q(name)}`;
      case 'video.delete':
        return `tog bort videon ${q(name)}`;
      case 'video.captions':
        return `lade till undertexter i videon ${q(name)}`;
      case 'video.captions_delete':
        return `tog bort undertexter från videon ${q(name)}`;
      case 'video.poster':
        return `bytte omslagsbild för videon ${q(name)}`;
      case 'video.poster_delete':
        return `tog bort omslagsbilden för videon ${q(name)}`;
      case 'video.channel':
        return `ändrade kanalen ${q(name)}`;
      case 'token.create':
        return `skapade nyckeln ${q(String(detail.label ?? name))}${typeof detail.role === 'string' ? ` (${w.role(detail.role)})` : ''}`;
      case 'token.revoke':
        return `tog nyckeln ${q(String(detail.label ?? name))} ur bruk`;
      case 'keys.rotate':
        return `bytte webbplatsens signeringsnyckel (ny ${name})`;
      case 'site.update':
        return `ändrade webbplatsens inställningar` + (w.settings(detail) ? `: ${w.settings(detail)}` : '');
      default:
        return `gjorde en ändring (${action}) i ${q(name)}`;
    }
  },
  commandLine: 'kommandoraden',
  sentence: (who, did, when) => `${who} ${did} ${when}`,
};
