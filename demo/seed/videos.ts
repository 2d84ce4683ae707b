import type { z } from '@hono/zod-openapi';
import type { ChannelInput, VideoInput } from '../../worker/schema/videos.ts';

/**
 * "Pormestarin videoblogi": the mayor's channel on the demo site. Two episodes are small local
 * files (demo/site/media, with WebVTT captions in demo/seed/videos), so the demo plays without
 * the internet; the others name YouTube, Vimeo and PeerTube videos, which is safe as data: the
 * widget requests nothing from a provider before the resident agrees.
 */
export const demoChannel: { id: string } & z.input<typeof ChannelInput> = {
  id: 'pormestari',
  title: { fi: 'Pormestarin videoblogi', sv: 'Borgmästarens videoblogg', en: 'The mayor\'s video blog' },
  description: {
    fi: 'Pormestari Aino Lehtonen kertoo kerran kuussa, mitä kaupungissa päätetään.',
    sv: 'Borgmästare Aino Lehtonen berättar en gång i månaden vad som beslutas i staden.',
  },
};

export interface DemoVideo {
  video: z.input<typeof VideoInput> & { id: string };
  /** Caption files in demo/seed/videos, by language. */
  captions?: Partial<Record<'fi' | 'sv' | 'en', string>>;
  /** A poster image in demo/seed/videos, uploaded to the media bucket. */
  poster?: string;
}

export const demoVideos: DemoVideo[] = [
  {
    video: {
      id: 'vlogi-2026-11',
      channel: 'pormestari',
      provider: 'file',
      ref: '/media/vlogi-marraskuu.mp4',
      title: { fi: 'Marraskuu: talousarvio hyväksyttiin', sv: 'November: budgeten godkändes', en: 'November: the budget was approved' },
      description: {
        fi: 'Mitä ensi vuoden talousarvio tarkoittaa kouluille ja pyöräteille, ja miten voit kysyä pormestarilta.',
        sv: 'Vad nästa års budget betyder för skolorna och cykelvägarna, och hur du kan fråga borgmästaren.',
        en: 'What next year\'s budget means for schools and cycle paths, and how to ask the mayor.',
      },
      chapters: [
        { start: 0, title: { fi: 'Tervetuloa', sv: 'Välkommen', en: 'Welcome' } },
        { start: 4, title: { fi: 'Talousarvio', sv: 'Budgeten', en: 'The budget' } },
        { start: 8, title: { fi: 'Kysy pormestarilta', sv: 'Fråga borgmästaren', en: 'Ask the mayor' } },
      ],
      duration: 12,
      publishedAt: '2026-11-20T10:00:00Z',
    },
    captions: { fi: 'vlogi-marraskuu.fi.vtt', sv: 'vlogi-marraskuu.sv.vtt', en: 'vlogi-marraskuu.en.vtt' },
    poster: 'vlogi-marraskuu.jpg',
  },
  {
    video: {
      id: 'vlogi-2026-10',
      channel: 'pormestari',
      provider: 'file',
      ref: '/media/vlogi-lokakuu.mp4',
      title: { fi: 'Lokakuu: asukasillat kaikissa kaupunginosissa', sv: 'Oktober: invånarkvällar i alla stadsdelar' },
      description: { fi: 'Mitä asukasilloissa kysyttiin, ja mitä kaupunki tekee seuraavaksi.', sv: 'Vad invånarna frågade på kvällarna, och vad staden gör härnäst.' },
      duration: 12,
      publishedAt: '2026-10-16T10:00:00Z',
    },
    captions: { fi: 'vlogi-lokakuu.fi.vtt', sv: 'vlogi-lokakuu.sv.vtt' },
  },
  {
    video: {
      id: 'vlogi-2026-09',
      channel: 'pormestari',
      provider: 'youtube',
      ref: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      title: { fi: 'Syyskuu: koulut alkoivat uusissa tiloissa', sv: 'September: skolorna började i nya lokaler' },
      description: { fi: 'Kivikon koulun uusi rakennus otettiin käyttöön.', sv: 'Kivikko skolas nya byggnad togs i bruk.' },
      transcript: {
        fi: 'Hei, olen pormestari Aino Lehtonen.\n\nKivikon koulun uusi rakennus otettiin käyttöön elokuussa. Oppilaita on nyt 420.\n\nKiitos kaikille, jotka kertoivat mielipiteensä koulun pihasta.',
        sv: 'Hej, jag är borgmästare Aino Lehtonen.\n\nKivikko skolas nya byggnad togs i bruk i augusti. Skolan har nu 420 elever.\n\nTack till alla som sade sin åsikt om skolgården.',
      },
      chapters: [
        { start: 0, title: { fi: 'Alku', sv: 'Början' } },
        { start: 65, title: { fi: 'Kivikon koulu', sv: 'Kivikko skola' } },
        { start: 300, title: { fi: 'Koulun piha', sv: 'Skolgården' } },
      ],
      duration: 634,
      publishedAt: '2026-09-18T10:00:00Z',
    },
  },
  {
    video: {
      id: 'vlogi-2026-08',
      channel: 'pormestari',
      provider: 'vimeo',
      ref: 'https://vimeo.com/1084537',
      title: { fi: 'Elokuu: kesän katutyöt valmistuivat', sv: 'Augusti: sommarens gatuarbeten är klara' },
      duration: 596,
      publishedAt: '2026-08-21T10:00:00Z',
    },
  },
  {
    video: {
      id: 'vlogi-2026-06',
      channel: 'pormestari',
      provider: 'peertube',
      ref: 'https://video.koivulahti.example/w/9c9de5e8-0a1b-484a-b099-e80766180a6d',
      title: { fi: 'Kesäkuu: valtuustokauden ensimmäinen vuosi', sv: 'Juni: fullmäktigeperiodens första år' },
      duration: 421,
      publishedAt: '2026-06-12T09:00:00Z',
    },
  },
  ...(['05', '04', '03'] as const).map((month, i) => ({
    video: {
      id: `vlogi-2026-${month}`,
      channel: 'pormestari',
      provider: 'youtube' as const,
      ref: ['M7lc1UVf-VE', 'YE7VzlLtp-4', 'ScMzIvxBSi4'][i]!,
      title: {
        fi: ['Toukokuu: puistot ja leikkipaikat', 'Huhtikuu: kevään katupölyt', 'Maaliskuu: kuntalaisaloitteet'][i]!,
        sv: ['Maj: parker och lekplatser', 'April: vårens gatudamm', 'Mars: invånarinitiativ'][i]!,
      },
      duration: [402, 355, 512][i]!,
      publishedAt: `2026-${month}-15T09:00:00Z`,
    },
  })),
];
