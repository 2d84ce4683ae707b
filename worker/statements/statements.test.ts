import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, castBallot, createPoll, createSite, createToken, errorOf, newVoter } from '../../test/workers/helpers.ts';
import { deliverAllBallots } from '../../test/workers/poll-counter.ts';
import { values, workbookOf } from '../../test/workers/xlsx.ts';

const CONVERSATION = {
  kind: 'statements',
  question: { fi: 'Millainen kirjaston pitäisi olla?', sv: 'Hurdant borde biblioteket vara?' },
  options: [
    { id: 's1', label: { fi: 'Kirjaston pitäisi olla auki myöhään iltaisin.', sv: 'Biblioteket borde vara öppet sent på kvällarna.' } },
    { id: 's2', label: { fi: 'Kirjastossa pitäisi olla hiljainen lukusali.' } },
    { id: 's3', label: { fi: 'Kirjaston pitäisi lainata työkaluja.' } },
  ],
  status: 'open',
  resultsVisibility: 'after_vote',
};

const base = (site: string, poll: string) => `/api/v1/sites/${site}/polls/${poll}`;
const vote = (site: string, poll: string, statement: number, value: string, voter: string, ip = '198.51.100.7') =>
  call(`${base(site, poll)}/statements/${statement}/vote`, { method: 'PUT', json: { vote: value }, headers: { 'X-Voter-Token': voter, 'CF-Connecting-IP': ip } });
const list = async (site: string, poll: string, headers: Record<string, string> = {}) =>
  (await (await call(`${base(site, poll)}/statements`, { headers })).json()) as { items: { id: number; text: Record<string, string>; votes?: { agree: number; disagree: number; pass: number } }[]; mine?: Record<string, string>; next?: number | null; voters?: number };

describe('a conversation of statements', () => {
  it('opens with its statements, takes a vote per statement, changes it, and says what to show next', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    const voter = newVoter();
    const before = await list(site.id, id, { 'X-Voter-Token': voter });
    expect(before.items.map((s) => s.text.fi)).toEqual(CONVERSATION.options.map((o) => o.label.fi));
    expect(before.items[0]!.text.sv).toBe('Biblioteket borde vara öppet sent på kvällarna.');
    // after_vote: no counts before a first vote.
    expect(before.items[0]!.votes).toBeUndefined();
    expect(before.mine).toEqual({});
    expect([1, 2, 3]).toContain(before.next);

    const first = await vote(site.id, id, 1, 'agree', voter);
    expect(first.status).toBe(200);
    const receipt = (await first.json()) as { next: number };
    expect([2, 3]).toContain(receipt.next);
    await vote(site.id, id, 2, 'pass', voter);
    const after = await list(site.id, id, { 'X-Voter-Token': voter });
    expect(after.mine).toEqual({ '1': 'agree', '2': 'pass' });
    expect(after.next).toBe(3);
    expect(after.items[0]!.votes).toEqual({ agree: 1, disagree: 0, pass: 0 });
    expect(after.voters).toBe(1);

    // Changed, and the same again: one vote, the last one.
    await vote(site.id, id, 1, 'disagree', voter);
    await vote(site.id, id, 1, 'disagree', voter);
    expect((await list(site.id, id, { 'X-Voter-Token': voter })).items[0]!.votes).toEqual({ agree: 0, disagree: 1, pass: 0 });
    await vote(site.id, id, 3, 'agree', voter);
    expect((await list(site.id, id, { 'X-Voter-Token': voter })).next).toBeNull();
  });

  it('refuses bad votes with a clear 4xx and stores nothing', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    await deliverAllBallots();
    const before = await tableRowCounts(env.DB);
    const voter = newVoter();
    const wrongValue = await vote(site.id, id, 1, 'maybe', voter);
    expect(wrongValue.status).toBe(400);
    const missing = await vote(site.id, id, 99, 'agree', voter);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('statement_not_found');
    const noToken = await call(`${base(site.id, id)}/statements/1/vote`, { method: 'PUT', json: { vote: 'agree' } });
    expect(noToken.status).toBe(400);
    const ballot = await castBallot(site.id, id, { choices: ['s1'] }, { voter });
    expect(ballot.status).toBe(400);
    expect((await errorOf(ballot)).issues?.[0]?.message).toMatch(/PUT …\/statements\/\{statement\}\/vote/);
    const single = await createPoll(site.id, owner, { id: 'tavallinen' });
    const other = await vote(site.id, single, 1, 'agree', voter);
    expect((await errorOf(other)).code).toBe('not_statements');
    expect(await tableRowCounts(env.DB)).toEqual({ ...before, polls: before.polls! + 1, poll_tallies: before.poll_tallies! + 3, audit_log: before.audit_log! + 1 });
    const closed = await createPoll(site.id, owner, { ...CONVERSATION, id: 'suljettu', status: 'closed' });
    expect((await errorOf(await vote(site.id, closed, 1, 'agree', voter))).code).toBe('poll_closed');
  });

  it('holds a resident\'s statement for a moderator, three at most, and publishes it when a moderator says so', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    const moderator = await createToken(site.id, 'moderator');
    const resident = newVoter();
    const add = (text: string, key?: string) =>
      call(`${base(site.id, id)}/statements`, { method: 'POST', json: { text, lang: 'sv' }, headers: { 'X-Voter-Token': resident, 'CF-Connecting-IP': '203.0.113.9', ...(key ? { 'Idempotency-Key': key } : {}) } });
    const sent = await add('Biblioteket borde ha en verkstad.', 'key-statement-1');
    expect(sent.status).toBe(202);
    const pending = (await sent.json()) as { id: number; status: string; author: string };
    expect(pending).toMatchObject({ id: 4, status: 'pending', author: 'resident' });
    // A retry with the same key adds nothing.
    const again = await add('Biblioteket borde ha en verkstad.', 'key-statement-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect((await list(site.id, id)).items.map((s) => s.id)).toEqual([1, 2, 3]);

    const queue = (await (await call(`/api/v1/sites/${site.id}/statements`, { token: moderator })).json()) as { items: { poll: string; id: number; text: Record<string, string> }[] };
    expect(queue.items).toEqual([expect.objectContaining({ poll: id, id: 4, text: { sv: 'Biblioteket borde ha en verkstad.' } })]);
    expect((await call(`/api/v1/sites/${site.id}/statements`)).status).toBe(401);

    await add('Andra förslaget om biblioteket.');
    await add('Tredje förslaget om biblioteket.');
    const fourth = await add('Fjärde förslaget om biblioteket.');
    expect(fourth.status).toBe(409);
    expect((await errorOf(fourth)).code).toBe('too_many_pending');

    const published = await call(`${base(site.id, id)}/statements/4`, { method: 'PATCH', token: moderator, json: { status: 'published' } });
    expect(published.status).toBe(200);
    expect((await list(site.id, id)).items.map((s) => s.id)).toEqual([1, 2, 3, 4]);
    expect((await vote(site.id, id, 4, 'agree', newVoter())).status).toBe(200);
    // Rejected: gone from the list and no longer takes votes.
    await call(`${base(site.id, id)}/statements/5`, { method: 'PATCH', token: moderator, json: { status: 'rejected' } });
    expect((await vote(site.id, id, 5, 'agree', newVoter())).status).toBe(404);
    // An official's statement is published at once.
    const byEditor = await call(`${base(site.id, id)}/statements`, { method: 'POST', token: owner, json: { text: 'Kirjaston pitäisi järjestää lukupiirejä.' } });
    expect(byEditor.status).toBe(201);
    expect(await byEditor.json()).toMatchObject({ id: 7, status: 'published', author: 'official', lang: 'fi' });
  });

  it('finds the opinion groups of planted voters and tells a voter the group they are closest to', async () => {
    const { site, owner } = await createSite();
    const statements = Array.from({ length: 8 }, (_, i) => ({ id: `v${i}`, label: { fi: `Väite numero ${i + 1}` } }));
    const id = await createPoll(site.id, owner, { ...CONVERSATION, options: statements, resultsVisibility: 'always' });
    // Two camps: one agrees with 1–4 and disagrees with 5–8, the other the other way round.
    const camp = async (agreeFirstHalf: boolean, voters: number) => {
      const tokens = [];
      for (let v = 0; v < voters; v++) {
        const voter = newVoter();
        tokens.push(voter);
        for (let s = 1; s <= 8; s++) {
          const first = s <= 4;
          await vote(site.id, id, s, first === agreeFirstHalf ? 'agree' : 'disagree', voter, `198.51.100.${v + (agreeFirstHalf ? 0 : 100)}`);
        }
      }
      return tokens;
    };
    const [a] = await camp(true, 12);
    const [b] = await camp(false, 8);
    const stranger = await call(`${base(site.id, id)}/opinions`);
    expect(stranger.status).toBe(200);
    const view = (await stranger.json()) as { participants: number; clustered: number; groups: { size: number; statements: { id: number; direction: string }[] }[] };
    expect(view.participants).toBe(20);
    expect(view.clustered).toBe(20);
    expect(view.groups.map((g) => g.size)).toEqual([12, 8]);
    expect(view.groups[0]!.statements.filter((s) => s.id <= 4).every((s) => s.direction === 'agree')).toBe(true);
    expect(view.groups[0]!.statements.length).toBeGreaterThan(0);
    const mineA = (await (await call(`${base(site.id, id)}/opinions`, { headers: { 'X-Voter-Token': a! } })).json()) as { mine: { group: number; votes: number } };
    const mineB = (await (await call(`${base(site.id, id)}/opinions`, { headers: { 'X-Voter-Token': b! } })).json()) as { mine: { group: number; votes: number } };
    expect(mineA.mine).toEqual({ group: 0, votes: 8 });
    expect(mineB.mine).toEqual({ group: 1, votes: 8 });
  });

  it('hides the groups until the poll\'s results may be shown, and keeps a conversation a conversation', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    const hidden = await call(`${base(site.id, id)}/opinions`);
    expect(hidden.status).toBe(403);
    expect((await errorOf(hidden)).code).toBe('results_hidden');
    expect((await call(`${base(site.id, id)}/opinions`, { token: owner })).status).toBe(200);
    const edit = await call(base(site.id, id), { method: 'PATCH', token: owner, json: { options: [{ id: 'x', label: { fi: 'Uusi' } }] } });
    expect(edit.status).toBe(400);
    expect(await edit.json()).toMatchObject({ error: { issues: [{ code: 'conversation_started' }] } });
  });

  it('exports the statements with their votes and the groups, and says how the groups were found', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    await vote(site.id, id, 1, 'agree', newVoter());
    await vote(site.id, id, 1, 'disagree', newVoter());
    await call(`${base(site.id, id)}/statements`, { method: 'POST', json: { text: 'Kirjastoon tarvitaan lisää pistorasioita.' }, headers: { 'X-Voter-Token': newVoter(), 'CF-Connecting-IP': '203.0.113.20' } });
    const book = await workbookOf(await call(`${base(site.id, id)}/export?format=xlsx&lang=fi`, { token: owner }));
    expect(book.sheets.map((s) => s.name)).toEqual(['Tulokset', 'Väitteet', 'Mielipideryhmät', 'Aineisto', 'Menetelmä']);
    const rows = book.sheet('Väitteet').rows.map(values);
    expect(rows[1]).toEqual([1, 'Kirjaston pitäisi olla auki myöhään iltaisin.', 'kaupunki', 'julkaistu', 1, 1, 0]);
    expect(rows[4]).toEqual([4, 'Kirjastoon tarvitaan lisää pistorasioita.', 'asukas', 'odottaa moderointia', 0, 0, 0]);
    expect(book.sheet('Mielipideryhmät').rows.map(values)[1]).toEqual(['Ryhmiä ei vielä ole: liian harva on ottanut kantaa vähintään seitsemään väitteeseen.']);
    const about = book.sheet('Menetelmä').rows.map(values).map((r) => String(r[1]));
    expect(about.some((t) => t.startsWith('Mielipideryhmät (kuten Pol.is)'))).toBe(true);
    const csv = await (await call(`${base(site.id, id)}/export?format=csv&lang=en`, { token: owner })).text();
    expect(csv).toContain('1;Kirjaston pitäisi olla auki myöhään iltaisin.;the city;published;1;1;0\r\n');
  });

  it('is not sealed when it closes: it has no ballots, and its sealed result says so', async () => {
    const { site, owner } = await createSite();
    const id = await createPoll(site.id, owner, CONVERSATION);
    await vote(site.id, id, 1, 'agree', newVoter());
    expect((await call(base(site.id, id), { method: 'PATCH', token: owner, json: { status: 'closed' } })).status).toBe(200);
    const seal = await call(`${base(site.id, id)}/seal`);
    expect(seal.status).toBe(409);
    expect((await errorOf(seal)).code).toBe('not_sealed');
    expect(await env.DB.prepare('SELECT count(*) AS n FROM poll_seals WHERE site_id = ?1').bind(site.id).first('n')).toBe(0);
  });
});
