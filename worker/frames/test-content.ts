/**
 * For the frame suites (Workers runtime): a fresh site with one public item of every kind a
 * frame shows, made through the API, and a draft poll beside them.
 */
import { DECISION } from '../../test/workers/decisions.ts';
import { call, createPoll, createSite } from '../../test/workers/helpers.ts';
import { VIDEO } from '../../test/workers/videos.ts';

export const FRAME_FORM = {
  id: 'palaute',
  title: { fi: 'Anna palautetta', sv: 'Ge respons' },
  fields: [{ key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande' }, required: true, maxLength: 500 }],
  status: 'open',
};

async function post(path: string, token: string, json: unknown): Promise<void> {
  const response = await call(path, { method: 'POST', token, json });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** Site with poll `kysely`, draft poll `luonnos`, form `palaute`, the council's decisions, video `vlogi` in channel `pormestari`. */
export async function frameSite(origins = ['https://www.testikunta.example']) {
  const { site, owner } = await createSite({ origins, languages: ['fi', 'sv', 'en'] });
  const base = `/api/v1/sites/${site.id}`;
  await createPoll(site.id, owner, { id: 'kysely' });
  await createPoll(site.id, owner, { id: 'luonnos', status: 'draft' });
  await post(`${base}/forms`, owner, FRAME_FORM);
  await post(`${base}/decisions`, owner, DECISION);
  await post(`${base}/videos`, owner, { ...VIDEO, id: 'vlogi' });
  return { site, owner };
}
