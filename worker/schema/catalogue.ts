import { z } from '@hono/zod-openapi';
import { Lang } from './common.ts';

const Text = z.partialRecord(Lang, z.string());
const Item = z.object({ id: z.string(), title: Text });
const Status = z.enum(['open', 'closed']);

export const Catalogue = z
  .object({
    polls: z.array(Item.extend({ status: Status })),
    forms: z.array(Item.extend({ status: Status })),
    videos: z.array(Item),
    channels: z.array(Item),
    organs: z.array(z.object({ id: z.string(), name: Text })),
  })
  .openapi('Catalogue', {
    example: {
      polls: [{ id: 'kirjasto-aukiolo', title: { fi: 'Kirjaston aukioloajat', sv: 'Bibliotekets öppettider' }, status: 'open' }],
      forms: [{ id: 'palaute', title: { fi: 'Anna palautetta' }, status: 'open' }],
      videos: [{ id: 'pormestari-12', title: { fi: 'Pormestarin videoblogi 12' } }],
      channels: [{ id: 'pormestari', title: { fi: 'Pormestarin videoblogi' } }],
      organs: [{ id: 'kaupunginhallitus', name: { fi: 'Kaupunginhallitus', sv: 'Stadsstyrelsen' } }],
    },
  });
export type Catalogue = z.infer<typeof Catalogue>;
