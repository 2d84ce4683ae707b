import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken, errorOf } from '../../test/workers/helpers.ts';
import { TURNSTILE_TEST_SECRET } from '../../test/support/fake-turnstile.ts';

const FORM = {
  title: { fi: 'Anna palautetta', sv: 'Ge respons' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande' }, required: true, maxLength: 500 },
    { key: 'topic', type: 'choice', label: { fi: 'Aihe' }, options: [{ id: 'streets', label: { fi: 'Kadut' } }, { id: 'parks', label: { fi: 'Puistot' } }] },
    { key: 'days', type: 'multiChoice', label: { fi: 'Päivät' }, options: [{ id: 'mon', label: { fi: 'ma' } }, { id: 'tue', label: { fi: 'ti' } }] },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
    { key: 'phone', type: 'phone', label: { fi: 'Puhelin' } },
    { key: 'place', type: 'location', label: { fi: 'Paikka' } },
    { key: 'consent', type: 'consent', label: { fi: 'Saa julkaista' }, required: true },
  ],
  categories: [{ id: 'street-lights', label: { fi: 'Katuvalot' } }],
  status: 'open',
};

async function formSite(overrides: Record<string, unknown> = {}) {
  const { site, owner } = await createSite();
  const response = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, id: 'palaute', ...overrides } });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return { site: site.id, owner };
}

const submit = (site: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/v1/sites/${site}/forms/palaute/submissions`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250)}`, ...headers } });

const valid = { answers: { message: 'Katulamppu ei pala Koivutiellä.', consent: true } };

describe('defining forms', () => {
  it('lets an editor define a form and anyone read it once open', async () => {
    const { site } = await formSite();
    const read = await call(`/api/v1/sites/${site}/forms/palaute`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: 'palaute', fields: expect.any(Array), languages: ['fi', 'sv'] });
  });

  it('lists every form, drafts included, to moderators and up only', async () => {
    const { site, owner } = await formSite();
    await call(`/api/v1/sites/${site}/forms`, { method: 'POST', token: owner, json: { ...FORM, id: 'luonnos', status: 'draft' } });
    const list = await call(`/api/v1/sites/${site}/forms`, { token: await createToken(site, 'moderator') });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { id: string; status: string }[] }).items.map((f) => [f.id, f.status]).sort()).toEqual([['luonnos', 'draft'], ['palaute', 'open']]);
    expect((await call(`/api/v1/sites/${site}/forms`, { token: await createToken(site, 'viewer') })).status).toBe(403);
    expect((await call(`/api/v1/sites/${site}/forms`)).status).toBe(401);
  });

  it('hides a draft from residents', async () => {
    const { site, owner } = await formSite({ status: 'draft' });
    expect((await call(`/api/v1/sites/${site}/forms/palaute`)).status).toBe(404);
    expect((await call(`/api/v1/sites/${site}/forms/palaute`, { token: owner })).status).toBe(200);
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['duplicate field keys', { fields: [FORM.fields[0], FORM.fields[0]] }, 'fields'],
    ['a choice field without options', { fields: [{ key: 'x', type: 'choice', label: { fi: 'X' } }] }, 'fields.0.options'],
    ['a maximum length on a choice field', { fields: [{ ...FORM.fields[1], maxLength: 5 }] }, 'fields.0.maxLength'],
    ['a label missing the default language', { fields: [{ key: 'x', type: 'shortText', label: { sv: 'Bara svenska' } }] }, 'fields.0.label'],
    ['an unknown field type', { fields: [{ key: 'x', type: 'video', label: { fi: 'X' } }] }, 'fields.0.type'],
    ['no fields', { fields: [] }, 'fields'],
  ];
  it.each(invalid)('refuses %s with 400 naming the place, and stores nothing', async (_, change, path) => {
    const { site, owner } = await createSite();
    const before = await tableRowCounts(env.DB);
    const response = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, ...change } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((i) => i.path.join('.'))).toContain(path);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('edits keep what is left out, replace what is given and remove what is null', async () => {
    const { site, owner } = await formSite({ intro: { fi: 'Kerro meille.' } });
    const get = async () => (await (await call(`/api/v1/sites/${site}/forms/palaute`)).json()) as Record<string, unknown>;
    const before = await get();
    const edited = await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { privacy: { fi: 'Uusi teksti.' }, categories: null } });
    expect(edited.status).toBe(200);
    const after = await get();
    expect(after.intro).toEqual({ fi: 'Kerro meille.' });
    expect(after.privacy).toEqual({ fi: 'Uusi teksti.' });
    expect(before.categories).toBeDefined();
    expect(after).not.toHaveProperty('categories');
    expect((await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { intro: null } })).status).toBe(200);
    expect(await get()).not.toHaveProperty('intro');
    // The title cannot be removed: a form always has one.
    const refused = await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { title: null } });
    expect(refused.status).toBe(400);
    expect((await get()).title).toEqual(before.title);
  });

  it('a saved field changes type only to a close one: text stays text, choices stay choices, contact details stay apart', async () => {
    const { site, owner } = await formSite();
    const withType = (key: string, type: string) => FORM.fields.map((f) => (f.key === key ? { ...f, type } : f));
    const before = await tableRowCounts(env.DB);
    for (const [key, type] of [['email', 'shortText'], ['message', 'email'], ['topic', 'longText'], ['consent', 'shortText']] as const) {
      const fields = withType(key, type).map((f) => (f.key === key && !['choice', 'multiChoice'].includes(type) ? { key: f.key, type, label: f.label } : f));
      const refused = await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { fields } });
      expect(refused.status, `${key} → ${type}`).toBe(400);
      const issue = (await errorOf(refused)).issues!.find((i) => i.path.join('.') === `fields.${FORM.fields.findIndex((f) => f.key === key)}.type`);
      expect(issue?.message).toContain('Add a new field instead.');
    }
    expect(await tableRowCounts(env.DB)).toEqual(before);
    const widened = await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { fields: withType('topic', 'multiChoice').map((f) => (f.key === 'message' ? { ...f, type: 'shortText', maxLength: 200 } : f)) } });
    expect(widened.status).toBe(200);
    const form = (await widened.json()) as { fields: { key: string; type: string }[] };
    expect(form.fields.filter((f) => ['topic', 'message'].includes(f.key)).map((f) => f.type)).toEqual(['shortText', 'multiChoice']);
    // A new field may be of any type.
    const added = await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { fields: [...FORM.fields, { key: 'email2', type: 'email', label: { fi: 'Toinen sähköposti' } }] } });
    expect(added.status).toBe(200);
  });

  it('is for editors, and audited', async () => {
    const { site, owner } = await formSite();
    const moderator = await createToken(site, 'moderator');
    expect((await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: moderator, json: { status: 'closed' } })).status).toBe(403);
    expect((await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { status: 'closed' } })).status).toBe(200);
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=form`, { token: owner })).json()) as { items: { action: string }[] };
    expect(audit.items.map((e) => e.action)).toEqual(['form.update', 'form.create']);
  });
});

describe('sending feedback', () => {
  it('stores a valid submission, contact details apart, and gives a short unambiguous reference', async () => {
    const { site } = await formSite();
    const response = await submit(site, { answers: { ...valid.answers, email: 'asukas@example.fi', topic: 'streets', days: ['mon'], place: { lat: 60.2, long: 24.9 } }, category: 'street-lights' });
    expect(response.status).toBe(201);
    const { ref } = (await response.json()) as { ref: string };
    expect(ref).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    const row = await env.DB.prepare('SELECT answers, contact, category, status FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, ref).first<{ answers: string; contact: string; category: string; status: string }>();
    expect(JSON.parse(row!.answers)).not.toHaveProperty('email');
    expect(JSON.parse(row!.contact)).toEqual({ email: 'asukas@example.fi' });
    expect(row).toMatchObject({ category: 'street-lights', status: 'received' });
    const status = await call(`/api/v1/sites/${site}/submissions/${ref}`);
    expect(await status.json()).toMatchObject({ ref, form: 'palaute', status: 'received', replies: [] });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['a missing required field', { consent: true }, 'answers.message'],
    ['a required consent not given', { message: 'x', consent: false }, 'answers.consent'],
    ['text over the maximum length', { ...valid.answers, message: 'x'.repeat(501) }, 'answers.message'],
    ['a malformed email', { ...valid.answers, email: 'not-an-email' }, 'answers.email'],
    ['a malformed phone number', { ...valid.answers, phone: 'call me' }, 'answers.phone'],
    ['an unknown choice', { ...valid.answers, topic: 'moon' }, 'answers.topic'],
    ['a repeated multi-choice', { ...valid.answers, days: ['mon', 'mon'] }, 'answers.days'],
    ['a location off the globe', { ...valid.answers, place: { lat: 91, long: 0 } }, 'answers.place'],
    ['a location with a latitude only', { ...valid.answers, place: { lat: 60.2 } }, 'answers.place'],
    ['a location with a blank address', { ...valid.answers, place: { address: '   ' } }, 'answers.place'],
    ['an unknown field', { ...valid.answers, hack: 'x' }, 'answers.hack'],
  ];
  it.each(invalid)('refuses %s with 400 for that field, and stores nothing', async (_, answers, path) => {
    const { site } = await formSite();
    const before = await tableRowCounts(env.DB);
    const response = await submit(site, { answers }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((i) => i.path.join('.'))).toContain(path);
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('answers a retry with the first reference and stores one submission', async () => {
    const { site } = await formSite();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([submit(site, valid, { 'Idempotency-Key': key }), submit(site, valid, { 'Idempotency-Key': key })]);
    const c = await submit(site, valid, { 'Idempotency-Key': key });
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(c.status).toBe(200);
    const refs = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as { ref: string }).ref));
    expect(new Set(refs).size).toBe(1);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM submissions WHERE site_id = ?1').bind(site).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it('takes a location as a point, a typed address, or both', async () => {
    const { site } = await formSite();
    for (const place of [{ lat: 60.2, long: 24.9 }, { address: 'Koivutie 3' }, { lat: 60.2, long: 24.9, address: 'Koivutie 3' }]) {
      const response = await submit(site, { answers: { ...valid.answers, place } });
      expect(response.status).toBe(201);
      const { ref } = (await response.json()) as { ref: string };
      const row = await env.DB.prepare('SELECT answers FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, ref).first<{ answers: string }>();
      expect(JSON.parse(row!.answers).place).toEqual(place);
    }
  });

  it('files a filled honeypot as spam', async () => {
    const { site } = await formSite();
    const response = await submit(site, { ...valid, website: 'http://spam.example' });
    expect(response.status).toBe(201);
    const { ref } = (await response.json()) as { ref: string };
    expect(await (await call(`/api/v1/sites/${site}/submissions/${ref}`)).json()).toMatchObject({ status: 'spam' });
  });

  it('refuses feedback to a closed form, and rate-limits one address', async () => {
    const { site, owner } = await formSite();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await submit(site, valid, { 'CF-Connecting-IP': '203.0.113.9' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    await call(`/api/v1/sites/${site}/forms/palaute`, { method: 'PATCH', token: owner, json: { status: 'closed' } });
    const closed = await submit(site, valid);
    expect(closed.status).toBe(409);
    expect((await errorOf(closed)).code).toBe('form_closed');
  });

  it('says clearly when a reference code is not found', async () => {
    const { site } = await formSite();
    const response = await call(`/api/v1/sites/${site}/submissions/AAA-BBB`);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toContain('AAA-BBB');
    expect((await call(`/api/v1/sites/${site}/submissions/not-a-ref`)).status).toBe(400);
  });
});

describe('the optional Turnstile check', () => {
  it('is refused on a site without Turnstile keys', async () => {
    const { site, owner } = await createSite();
    const response = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, challenge: true } });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).issues?.map((i) => i.path.join('.'))).toEqual(['challenge']);
  });

  it('refuses feedback without a passed check, stores nothing, and takes it with one', async () => {
    const { site, owner } = await createSite();
    await call(`/api/v1/sites/${site.id}/settings`, { method: 'PATCH', token: owner, json: { challengeSiteKey: '0x4AAAAAAAtest', challengeSecret: TURNSTILE_TEST_SECRET } });
    const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, id: 'palaute', challenge: true } });
    expect(await created.json()).toMatchObject({ challenge: true });
    const before = await tableRowCounts(env.DB);
    const missing = await submit(site.id, valid);
    expect(missing.status).toBe(403);
    expect((await errorOf(missing)).code).toBe('challenge_required');
    const failed = await submit(site.id, valid, { 'X-Challenge-Token': 'fail-123' });
    expect((await errorOf(failed)).code).toBe('challenge_failed');
    expect(await tableRowCounts(env.DB)).toEqual(before);
    expect((await submit(site.id, valid, { 'X-Challenge-Token': 'pass-123' })).status).toBe(201);
  });
});

describe('moderating feedback', () => {
  it('lists the queue by form and status, pages it, and hides it from viewers', async () => {
    const { site } = await formSite();
    for (let i = 0; i < 3; i++) await submit(site, valid);
    const moderator = await createToken(site, 'moderator');
    const viewer = await createToken(site, 'viewer');
    expect((await call(`/api/v1/sites/${site}/submissions`, { token: viewer })).status).toBe(403);
    type Page = { items: { ref: string; status: string }[]; nextCursor: string | null };
    const first = (await (await call(`/api/v1/sites/${site}/submissions?form=palaute&status=received&limit=2`, { token: moderator })).json()) as Page;
    expect(first.items).toHaveLength(2);
    const second = (await (await call(`/api/v1/sites/${site}/submissions?form=palaute&status=received&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, { token: moderator })).json()) as Page;
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((s) => s.ref)).size).toBe(3);
  });

  it('filters the queue by topic, and refuses a malformed topic with 400', async () => {
    const { site, owner } = await formSite({ categories: [{ id: 'street-lights', label: { fi: 'Katuvalot' } }, { id: 'parks', label: { fi: 'Puistot' } }] });
    const lights = (await (await submit(site, { ...valid, category: 'street-lights' })).json()) as { ref: string };
    await submit(site, { ...valid, category: 'parks' });
    await submit(site, valid);
    type Page = { items: { ref: string; category: string | null }[] };
    const page = (await (await call(`/api/v1/sites/${site}/submissions?form=palaute&category=street-lights`, { token: owner })).json()) as Page;
    expect(page.items.map((s) => [s.ref, s.category])).toEqual([[lights.ref, 'street-lights']]);
    const all = (await (await call(`/api/v1/sites/${site}/submissions?form=palaute`, { token: owner })).json()) as Page;
    expect(all.items).toHaveLength(3);
    const bad = await call(`/api/v1/sites/${site}/submissions?category=${encodeURIComponent('Katu valot')}`, { token: owner });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.map((i) => i.path.join('.'))).toContain('category');
  });

  it('answers publicly and privately, and the resident sees only the public reply, audited', async () => {
    const { site, owner } = await formSite();
    const { ref } = (await (await submit(site, valid)).json()) as { ref: string };
    const moderator = await createToken(site, 'moderator', 'Kaupunkiympäristö / Aino');
    const privateNote = await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token: moderator, json: { status: 'in_progress', reply: { body: 'Välitetty urakoitsijalle.', public: false } } });
    expect(privateNote.status).toBe(200);
    const answered = await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token: moderator, json: { status: 'answered', reply: { body: 'Lamppu vaihdetaan tällä viikolla.', public: true } } });
    expect(await answered.json()).toMatchObject({ status: 'answered', replies: [{ public: false, author: 'Kaupunkiympäristö / Aino' }, { public: true }] });
    const resident = await (await call(`/api/v1/sites/${site}/submissions/${ref}`)).json();
    expect(resident).toMatchObject({ status: 'answered', replies: [{ body: 'Lamppu vaihdetaan tällä viikolla.' }] });
    expect(JSON.stringify(resident)).not.toContain('urakoitsijalle');
    // Moderators read every reply, private notes included; residents and viewers cannot.
    const replies = await call(`/api/v1/sites/${site}/submissions/${ref}/replies`, { token: moderator });
    expect(((await replies.json()) as { items: { body: string; public: boolean }[] }).items.map((r) => [r.body, r.public])).toEqual([
      ['Välitetty urakoitsijalle.', false],
      ['Lamppu vaihdetaan tällä viikolla.', true],
    ]);
    expect((await call(`/api/v1/sites/${site}/submissions/${ref}/replies`)).status).toBe(401);
    expect((await call(`/api/v1/sites/${site}/submissions/${ref}/replies`, { token: await createToken(site, 'viewer') })).status).toBe(403);
    expect((await call(`/api/v1/sites/${site}/submissions/AAA-AAA/replies`, { token: moderator })).status).toBe(404);
    const audit = (await (await call(`/api/v1/sites/${site}/audit?action=submission`, { token: owner })).json()) as { items: { target: string }[] };
    expect(audit.items.map((e) => e.target)).toEqual([ref, ref]);
  });

  it('refuses an empty change and an unknown reference', async () => {
    const { site } = await formSite();
    const moderator = await createToken(site, 'moderator');
    expect((await call(`/api/v1/sites/${site}/submissions/AAA-BBB`, { method: 'PATCH', token: moderator, json: { status: 'closed' } })).status).toBe(404);
    const { ref } = (await (await submit(site, valid)).json()) as { ref: string };
    expect((await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token: moderator, json: {} })).status).toBe(400);
  });
});

describe('contact details', () => {
  it('are removed on the resident\'s request with the reference code and removal key, the feedback kept', async () => {
    const { site } = await formSite();
    const { ref, removalKey } = (await (await submit(site, { answers: { ...valid.answers, email: 'asukas@example.fi' } })).json()) as { ref: string; removalKey: string };
    const removed = await call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', json: { removalKey } });
    expect(await removed.json()).toEqual({ ref, contactRemoved: true });
    const row = await env.DB.prepare('SELECT answers, contact FROM submissions WHERE site_id = ?1 AND ref = ?2').bind(site, ref).first<{ answers: string; contact: string | null }>();
    expect(row!.contact).toBeNull();
    expect(JSON.parse(row!.answers)).toMatchObject({ message: valid.answers.message });
    expect((await call(`/api/v1/sites/${site}/submissions/ZZZ-ZZZ/contact`, { method: 'DELETE', json: { removalKey } })).status).toBe(403);
  });
});
