import { nowIso } from '../app.ts';
import { decisionFacets } from '../db/decisions.ts';
import { findForm } from '../db/forms.ts';
import { findPoll } from '../db/polls.ts';
import { channelPage, findVideo } from '../db/videos.ts';
import type { LocalizedText } from '../schema/common.ts';
import { isPublic } from '../video-rules.ts';

/**
 * Whether the thing a frame shows exists for the public (never a draft or a video not yet out),
 * and its title: the frame page answers 404 without it and oEmbed names the embed with it.
 * `title` is null where the widget has no item of its own (all decisions, the status lookup).
 */
export async function frameItem(db: D1Database, site: string, widget: string, id: string): Promise<{ title: LocalizedText | null } | null> {
  switch (widget) {
    case 'poll': {
      const poll = await findPoll(db, site, id);
      return poll && poll.status !== 'draft' ? { title: poll.question } : null;
    }
    case 'feedback': {
      const form = await findForm(db, site, id);
      return form && form.status !== 'draft' ? { title: form.title } : null;
    }
    case 'feedback-status':
      return { title: null };
    case 'decisions': {
      if (id === 'all') return { title: null };
      const organ = (await decisionFacets(db, site, id)).organs.find((o) => o.id === id);
      return organ ? { title: organ.name } : null;
    }
    case 'video': {
      const video = await findVideo(db, site, id);
      return video && isPublic(video, nowIso()) ? { title: video.title } : null;
    }
    case 'video-blog': {
      const page = await channelPage(db, site, id, { publicAt: nowIso(), limit: 1 });
      return page.exists ? { title: page.channel.title } : null;
    }
    default:
      return null;
  }
}
