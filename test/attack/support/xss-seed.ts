/**
 * Stores the XSS corpus through the real API, as an official (the seeded owner token) and a
 * resident would: in every text field a widget, a frame, a feed or a console view shows. Many
 * payloads go into each item (one per option, field, chapter, attachment; packed up to a
 * field's length limit where a field holds one text), so a few items carry the whole corpus.
 */
import { expect } from 'vitest';
import type { XssPayload } from '../corpus/xss.ts';

export const SITE = 'koivulahti';
const CHANNEL = 'xss-kanava';

export interface Seeded {
  polls: string[];
  forms: string[];
  refs: string[];
  decisions: string[];
  organs: string[];
  videos: { id: string; provider: string }[];
  channel: string;
  /** Field → how many payloads were stored in it (over all items). */
  stored: Record<string, number>;
  /** Requests the API refused, all 4xx, by field. */
  refused: Record<string, number>;
  /** Payloads (ids) in format-constrained fields that the API took: they are stored and shown. */
  acceptedInConstrained: Record<string, string[]>;
}

/** Splits `items` into `n` groups of nearly equal size, in order. */
export function groups<T>(items: readonly T[], n: number): T[][] {
  const size = Math.ceil(items.length / n);
  return Array.from({ length: n }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Joins as many payloads as fit in `max` characters, one paragraph each; answers the text and the payloads used. */
export function pack(payloads: readonly XssPayload[], max: number, start = 0): { text: string; used: XssPayload[] } {
  const used: XssPayload[] = [];
  let text = '';
  for (let i = 0; i < payloads.length; i++) {
    const p = payloads[(start + i) % payloads.length]!;
    const next = text ? `${text}\n\n${p.text}` : p.text;
    if (next.trim().length > max) continue;
    text = next;
    used.push(p);
  }
  return { text, used };
}

export async function seedCorpus(base: string, token: string, corpus: readonly XssPayload[], hostOrigin: string): Promise<Seeded> {
  const api = `${base}/api/v1/sites/${SITE}`;
  const auth = { Authorization: `Bearer ${token}` };
  const json = { ...auth, 'Content-Type': 'application/json' };
  const seeded: Seeded = { polls: [], forms: [], refs: [], decisions: [], organs: [], videos: [], channel: CHANNEL, stored: {}, refused: {}, acceptedInConstrained: {} };
  const count = (field: string, n: number) => (seeded.stored[field] = (seeded.stored[field] ?? 0) + n);
  const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = json) => {
    const response = await fetch(`${api}/${path}`, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, text };
  };
  const must = async (method: string, path: string, body: unknown, headers?: Record<string, string>) => {
    const answer = await send(method, path, body, headers);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 600)}`);
    return JSON.parse(answer.text || 'null') as Record<string, unknown>;
  };
  /** A payload in a field that takes only some shapes: refused with a 4xx, or taken (and then shown). */
  const probe = async (field: string, method: string, path: string, body: unknown, id?: string) => {
    const answer = await send(method, path, body);
    if (answer.status >= 400) {
      expect(answer.status, `${field}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
      seeded.refused[field] = (seeded.refused[field] ?? 0) + 1;
      return false;
    }
    seeded.acceptedInConstrained[field] = [...(seeded.acceptedInConstrained[field] ?? []), id ?? '?'];
    return true;
  };

  // The site: its name (the frames' titles and headings) and the host page's origin.
  const short = corpus.filter((p) => p.text.trim().length <= 120 && p.text.trim().length > 0);
  await must('PATCH', 'settings', {
    name: { fi: short.find((p) => p.kind === 'script')!.text, sv: short.find((p) => p.kind === 'xml')!.text, en: short.find((p) => p.kind === 'breakout')!.text },
    origins: [hostOrigin],
  });
  count('site.name', 3);

  // Polls: every payload an option's label; questions and descriptions packed.
  for (const [i, group] of groups(corpus, 4).entries()) {
    const id = `xss-kysely-${i + 1}`;
    const question = pack(corpus, 300, i * 7);
    const description = pack(group, 2000);
    await must('POST', 'polls', {
      id,
      kind: 'multiple',
      question: { fi: question.text, sv: pack(corpus, 300, i * 7 + 3).text },
      description: { fi: description.text },
      options: group.map((p, n) => ({ id: `o${n}`, label: { fi: p.text } })),
      minChoices: 1,
      maxChoices: group.length,
      resultsVisibility: 'always',
      status: 'open',
    });
    count('poll.question', question.used.length);
    count('poll.description', description.used.length);
    count('poll.options', group.length);
    seeded.polls.push(id);
  }
  // A scale poll, for its end labels.
  const scaleEnds = corpus.filter((p) => p.text.trim().length <= 60);
  await must('POST', 'polls', {
    id: 'xss-asteikko',
    kind: 'scale',
    question: { fi: pack(corpus, 300, 40).text },
    scale: { min: 1, max: 5, minLabel: { fi: scaleEnds[0]!.text }, maxLabel: { fi: scaleEnds[1]!.text } },
    resultsVisibility: 'always',
    status: 'open',
  });
  count('poll.scale', 2);
  seeded.polls.push('xss-asteikko');
  // A ballot in each, so that their results (the option labels again, in the chart) are shown.
  for (const id of seeded.polls) {
    const ballot = await fetch(`${api}/polls/${id}/ballots`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Voter-Token': `voter-${crypto.randomUUID()}`, Origin: hostOrigin },
      body: JSON.stringify(id === 'xss-asteikko' ? { value: 3 } : { choices: ['o0', 'o1'] }),
    });
    expect(ballot.status, await ballot.text()).toBe(201);
  }
  // Ids take a few characters only: a sample of every fourth payload shows the rule holds.
  const sample = corpus.filter((_, n) => n % 4 === 0);
  for (const p of sample) await probe('poll.option id', 'POST', 'polls', { kind: 'single', question: { fi: 'x' }, options: [{ id: p.text, label: { fi: 'a' } }, { id: 'b', label: { fi: 'b' } }] }, p.id);

  // Feedback forms: every payload a field's label, help and a choice's label; titles, intros,
  // privacy notes and topics packed or one each.
  const TYPES = ['shortText', 'longText', 'location', 'consent', 'email', 'phone'] as const;
  for (const [i, group] of groups(corpus, 3).entries()) {
    const id = `xss-lomake-${i + 1}`;
    const textFields = group.slice(0, 38);
    const fields = [
      ...textFields.map((p, n) => ({ key: `f${n}`, type: TYPES[n % TYPES.length], label: { fi: p.text }, help: { fi: group[(n + 1) % group.length]!.text } })),
      { key: 'valinta', type: 'choice', label: { fi: 'Valinta' }, options: group.map((p, n) => ({ id: `c${n}`, label: { fi: p.text } })) },
      { key: 'monivalinta', type: 'multiChoice', label: { fi: 'Monivalinta' }, options: group.slice(0, 50).map((p, n) => ({ id: `m${n}`, label: { fi: p.text } })) },
    ];
    const title = pack(corpus, 200, i * 11);
    const intro = pack(group, 2000);
    const privacy = pack(group, 1000, 10);
    await must('POST', 'forms', {
      id,
      title: { fi: title.text },
      intro: { fi: intro.text },
      privacy: { fi: privacy.text },
      fields,
      categories: group.slice(0, 30).map((p, n) => ({ id: `t${n}`, label: { fi: p.text } })),
      status: 'open',
    });
    count('form.title', title.used.length);
    count('form.intro', intro.used.length);
    count('form.privacy', privacy.used.length);
    count('form.field labels', textFields.length);
    count('form.field help', textFields.length);
    count('form.choice labels', group.length + Math.min(group.length, 50));
    count('form.topics', Math.min(group.length, 30));
    seeded.forms.push(id);

    // A resident's feedback: every text answer a payload, the place's address one, the context
    // another widget would send (a decision's case and title) too.
    const answers: Record<string, unknown> = {};
    fields.forEach((field, n) => {
      const payload = corpus[(n + i * 13) % corpus.length]!.text;
      if (field.type === 'shortText' || field.type === 'longText') answers[field.key] = payload;
      if (field.type === 'location') answers[field.key] = { address: payload.slice(0, 300) };
      if (field.type === 'consent') answers[field.key] = true;
      if (field.type === 'email') answers[field.key] = 'asukas@example.fi';
      if (field.type === 'phone') answers[field.key] = '+358401234567';
      if (field.type === 'choice') answers[field.key] = 'c1';
      if (field.type === 'multiChoice') answers[field.key] = ['m0', 'm2'];
    });
    const subject = pack(corpus, 600, i * 5);
    const caseId = corpus.find((p, n) => n >= i * 9 && p.text.trim().length <= 100)!;
    const sent = await fetch(`${api}/forms/${id}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: hostOrigin },
      body: JSON.stringify({ answers, category: 't0', context: { subject: subject.text, caseId: caseId.text } }),
    });
    const receipt = (await sent.json()) as { ref: string };
    expect(sent.status, JSON.stringify(receipt).slice(0, 400)).toBe(201);
    count('submission.answers', Object.values(answers).filter((a) => typeof a === 'string' || (typeof a === 'object' && a !== null && 'address' in a)).length);
    count('submission.context', subject.used.length + 1);
    seeded.refs.push(receipt.ref);
    // An internal note and a public reply, each carrying payloads.
    const note = pack(corpus, 10_000, i * 3);
    await must('PATCH', `submissions/${receipt.ref}`, { status: 'in_progress', reply: { body: note.text, public: false } });
    const reply = pack(corpus, 10_000, i * 3 + 1);
    await must('PATCH', `submissions/${receipt.ref}`, { status: 'answered', reply: { body: reply.text, public: true } });
    count('submission.note', note.used.length);
    count('submission.reply', reply.used.length);
  }
  for (const p of sample) await probe('form.field key', 'POST', 'forms', { title: { fi: 'x' }, fields: [{ key: p.text, type: 'shortText', label: { fi: 'x' } }] }, p.id);

  // Decisions: bodies (Markdown) with every payload as its own paragraph; one attachment per
  // payload; organ names, titles, summaries packed.
  const markdown = corpus.map((p) => p.text).join('\n\n');
  for (const [i, group] of groups(corpus, 4).entries()) {
    const organ = `xss-toimielin-${i + 1}`;
    const title = pack(group, 500);
    const summary = pack(group, 2000, 3);
    const plain = pack(group, 2000, 6);
    const organName = pack(group, 200, 2);
    // No payload that calls a detector with its id fits a section number (20 characters).
    const section = ['<svg/onload=alert()>', '"><b onclick=alert()', "'><i onfocus=alert()", '<img src=x onerror=>'][i]!;
    const caseId = corpus.find((p, n) => n >= i * 5 && p.text.trim().length <= 100)!;
    const created = await must('POST', 'decisions', {
      id: `xss-paatos-${i + 1}`,
      sourceId: pack(corpus, 200, i * 17).text,
      organ: { id: organ, name: { fi: organName.text } },
      meeting: { id: pack(corpus, 100, i * 19).text || 'k1', date: `2026-11-${String(10 + i).padStart(2, '0')}` },
      section,
      caseId: caseId.text,
      title: { fi: title.text },
      summary: { fi: summary.text },
      plainSummary: { fi: plain.text },
      body: { fi: `# ${group[0]!.text}\n\n${markdown}` },
      outcome: 'passed',
      topics: [`xss aihe ${i + 1}`],
      attachments: group.map((p, n) => ({ title: { fi: p.text }, url: `https://xss.example/liite/${n}?q=${encodeURIComponent(p.id)}` })),
      sourceUrl: `https://xss.example/asia/${i}`,
    });
    count('decision.title', title.used.length);
    count('decision.summary', summary.used.length);
    count('decision.plainSummary', plain.used.length);
    count('decision.organ name', organName.used.length);
    count('decision.body', corpus.length);
    count('decision.attachment titles', group.length);
    count('decision.caseId', 1);
    count('decision.section', 1);
    seeded.decisions.push(String(created.id));
    seeded.organs.push(organ);
  }
  const target = seeded.decisions[0]!;
  for (const p of corpus) {
    await probe('decision.topics', 'PATCH', `decisions/${target}`, { topics: [p.text] }, p.id);
  }
  // A source address the API takes stays on its decision (the next one goes to the next decision).
  let kept = 0;
  for (const p of corpus.filter((q) => q.url)) {
    if (await probe('decision.sourceUrl', 'PATCH', `decisions/${seeded.decisions[kept % seeded.decisions.length]}`, { sourceUrl: p.text }, p.id)) kept++;
  }
  // Attachment addresses: those taken stay on the decision (and are scanned as shown).
  const takenUrls: XssPayload[] = [];
  for (const p of corpus.filter((q) => q.url)) {
    if (await probe('decision.attachment url', 'PATCH', `decisions/${seeded.decisions[1]}`, { attachments: [{ title: { fi: p.id }, url: p.text }] }, p.id)) takenUrls.push(p);
  }
  await must('PATCH', `decisions/${seeded.decisions[1]}`, {
    attachments: [...groups(corpus, 4)[1]!.map((p, n) => ({ title: { fi: p.text }, url: `https://xss.example/liite/${n}` })), ...takenUrls.map((p) => ({ title: { fi: p.id }, url: p.text }))],
  });

  // Videos: a channel, a local file and a YouTube episode; every payload a chapter title, the
  // descriptions and transcripts whole, titles packed; captions for the episode that has no
  // transcript of its own (its transcript is read from them).
  const channelTitle = pack(corpus, 200, 21);
  const channelDescription = pack(corpus, 2000, 30);
  await must('PUT', `channels/${CHANNEL}`, { title: { fi: channelTitle.text }, description: { fi: channelDescription.text } });
  count('channel.title', channelTitle.used.length);
  count('channel.description', channelDescription.used.length);
  const videos = [
    { id: 'xss-video-tiedosto', provider: 'file', ref: '/media/vlogi-lokakuu.mp4', transcript: true },
    { id: 'xss-video-youtube', provider: 'youtube', ref: 'dQw4w9WgXcQ', transcript: true },
    { id: 'xss-video-tekstitys', provider: 'file', ref: '/media/vlogi-marraskuu.mp4', transcript: false },
  ];
  for (const [i, video] of videos.entries()) {
    const title = pack(corpus, 300, i * 23);
    const description = pack(corpus, 5000, i * 29);
    await must('POST', 'videos', {
      id: video.id,
      channel: CHANNEL,
      provider: video.provider,
      ref: video.ref,
      title: { fi: title.text },
      description: { fi: description.text },
      ...(video.transcript ? { transcript: { fi: markdown } } : {}),
      chapters: corpus.map((p, n) => ({ start: n * 10, title: { fi: p.text } })),
      duration: corpus.length * 10 + 10,
      status: 'published',
      publishedAt: `2026-10-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
    });
    count('video.title', title.used.length);
    count('video.description', description.used.length);
    count('video.chapters', corpus.length);
    if (video.transcript) count('video.transcript', corpus.length);
    seeded.videos.push({ id: video.id, provider: video.provider });
  }
  // WebVTT takes no "-->" nor blank lines inside a cue; the rest go in as cue text.
  const cues = corpus.filter((p) => !p.text.includes('-->'));
  const clock = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  const vtt = `WEBVTT\n\n${cues.map((p, n) => `${clock(n * 2)} --> ${clock(n * 2 + 2)}\n${p.text.replace(/\s*\n\s*/g, ' ').trim()}`).join('\n\n')}\n`;
  const captions = await send('PUT', `videos/${videos[2]!.id}/captions/fi`, vtt, { ...auth, 'Content-Type': 'text/vtt' });
  expect(captions.status, captions.text.slice(0, 400)).toBeLessThan(300);
  count('video.captions', cues.length);
  for (const p of corpus.filter((q) => q.url)) {
    await probe('video.ref (file)', 'POST', 'videos', { channel: CHANNEL, provider: 'file', ref: p.text, title: { fi: p.id } }, p.id);
    await probe('video.ref (youtube)', 'POST', 'videos', { channel: CHANNEL, provider: 'youtube', ref: p.text, title: { fi: p.id } }, p.id);
  }

  // Tokens: their labels are shown in the console's token list and audit log.
  for (const p of corpus.filter((q) => q.text.trim().length <= 80).slice(0, 12)) {
    await must('POST', 'tokens', { label: p.text, role: 'viewer' });
    count('token.label', 1);
  }
  return seeded;
}
