import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../index.ts';
import { ORIGIN, call, createSite, errorOf } from '../../test/workers/helpers.ts';

/**
 * A moderator's public reply is mailed through the real `send_email` binding (miniflare's, which
 * keeps the message instead of delivering it) and the outcome is kept with the reply.
 */
const FORM = {
  title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
  fields: [
    { key: 'message', type: 'longText', label: { fi: 'Viesti', sv: 'Meddelande', en: 'Message' }, required: true },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti', sv: 'E-post', en: 'Email' } },
    { key: 'phone', type: 'phone', label: { fi: 'Puhelin', sv: 'Telefon', en: 'Phone' } },
  ],
  status: 'open',
};

interface Reply {
  body: string;
  public: boolean;
  email?: { status: string; messageIds?: string[]; reason?: string };
}

async function feedback(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { site, owner } = await createSite({ languages: ['fi', 'sv', 'en'] });
  const created = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: { ...FORM, id: 'palaute' } });
  expect(created.status).toBe(201);
  const sent = await call(`/api/v1/sites/${site.id}/forms/palaute/submissions`, {
    method: 'POST',
    json: { answers: { message: 'Katulamppu ei pala.', ...answers }, ...extra },
    headers: { 'CF-Connecting-IP': `198.51.100.${Math.floor(Math.random() * 250)}` },
  });
  expect(sent.status).toBe(201);
  const { ref } = (await sent.json()) as { ref: string };
  return { site: site.id, owner, ref };
}

const reply = (site: string, owner: string, ref: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token: owner, json: body, headers });

async function auditActions(site: string, owner: string, ref: string) {
  const page = (await (await call(`/api/v1/sites/${site}/audit?limit=50`, { token: owner })).json()) as { items: { action: string; target: string; detail: Record<string, unknown> }[] };
  return page.items.filter((e) => e.target === ref);
}

describe('a public reply by email', () => {
  it('is mailed to the address given, and the official sees it went', async () => {
    const { site, owner, ref } = await feedback({ email: 'asukas@example.fi', phone: '040 123 4567' }, { lang: 'sv' });
    const response = await reply(site, owner, ref, { status: 'answered', reply: { body: 'Lampan byts nästa vecka.', public: true } });
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: Reply[] };
    expect(replies).toHaveLength(1);
    expect(replies[0]!.email).toMatchObject({ status: 'sent', messageIds: [expect.stringMatching(/@osallistu\.example>$/)] });
    const entries = await auditActions(site, owner, ref);
    expect(entries.map((e) => e.action)).toEqual(['submission.reply_mailed', 'submission.update']);
    expect(entries[0]!.detail).toEqual({ recipients: 1, lang: 'sv' });
    // The address is not written into the audit log.
    expect(JSON.stringify(entries)).not.toContain('asukas@example.fi');
  });

  it('is never mailed for a private note, nor without an address, nor once the address is removed', async () => {
    const { site, owner, ref } = await feedback({ email: 'asukas@example.fi' });
    const note = await reply(site, owner, ref, { reply: { body: 'Sisäinen huomio: tilattu osa.', public: false } });
    expect(((await note.json()) as { replies: Reply[] }).replies[0]).not.toHaveProperty('email');

    const removed = await call(`/api/v1/sites/${site}/submissions/${ref}/contact`, { method: 'DELETE', token: owner, json: {} });
    expect(removed.status).toBe(200);
    const after = await reply(site, owner, ref, { reply: { body: 'Korjattu.', public: true } });
    expect(((await after.json()) as { replies: Reply[] }).replies[1]).not.toHaveProperty('email');

    const none = await feedback({});
    const withoutAddress = await reply(none.site, none.owner, none.ref, { reply: { body: 'Korjattu.', public: true } });
    expect(((await withoutAddress.json()) as { replies: Reply[] }).replies[0]).not.toHaveProperty('email');
    expect((await auditActions(site, owner, ref)).map((e) => e.action)).toEqual(['submission.update', 'submission.contact_remove', 'submission.update']);
    expect((await auditActions(none.site, none.owner, none.ref)).map((e) => e.action)).toEqual(['submission.update']);
  });

  it('is not mailed twice when the same request is retried with its Idempotency-Key', async () => {
    const { site, owner, ref } = await feedback({ email: 'asukas@example.fi' }, { lang: 'en' });
    const body = { reply: { body: 'The lamp is replaced next week.', public: true } };
    const first = await reply(site, owner, ref, body, { 'Idempotency-Key': `reply-${ref}-1` });
    const again = await reply(site, owner, ref, body, { 'Idempotency-Key': `reply-${ref}-1` });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    const { replies } = (await again.json()) as { replies: Reply[] };
    expect(replies).toHaveLength(1);
    expect(replies[0]!.email?.status).toBe('sent');
    expect((await auditActions(site, owner, ref)).filter((e) => e.action === 'submission.reply_mailed')).toHaveLength(1);

    const otherBody = await reply(site, owner, ref, { reply: { body: 'Something else.', public: true } }, { 'Idempotency-Key': `reply-${ref}-1` });
    expect(otherBody.status).toBe(422);
    expect((await errorOf(otherBody)).code).toBe('idempotency_key_reused');
  });
});

describe('when the mail cannot be sent', () => {
  it('keeps the reply, answers 200 and shows the official why (an address Cloudflare cannot send to)', async () => {
    // The form takes it as an email address; a mail envelope cannot carry a non-ASCII local part.
    const { site, owner, ref } = await feedback({ email: 'pääkäyttäjä@example.fi' });
    const response = await reply(site, owner, ref, { reply: { body: 'Korjattu.', public: true } });
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: Reply[] };
    expect(replies[0]).toMatchObject({ body: 'Korjattu.', public: true, email: { status: 'failed', reason: expect.stringContaining('cannot be mailed') } });
    const entries = await auditActions(site, owner, ref);
    expect(entries[0]).toMatchObject({ action: 'submission.reply_mail_failed', detail: { recipients: 1, reason: expect.any(String) } });
    expect(JSON.stringify(entries)).not.toContain('pääkäyttäjä');
    // What a resident with the code sees is unchanged: the reply is public.
    const status = (await (await call(`/api/v1/sites/${site}/submissions/${ref}`)).json()) as { replies: { body: string }[] };
    expect(status.replies.map((r) => r.body)).toEqual(['Korjattu.']);
  });

  it('keeps the reply when the Worker has no send_email binding', async () => {
    const { site, owner, ref } = await feedback({ email: 'asukas@example.fi' });
    // The Worker as deployed without the [[send_email]] block of wrangler.toml.
    const withoutBinding = { ...env, EMAIL: undefined } as unknown as Env;
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(`${ORIGIN}/api/v1/sites/${site}/submissions/${ref}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reply: { body: 'Korjattu.', public: true } }),
      }),
      withoutBinding,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(200);
    const { replies } = (await response.json()) as { replies: Reply[] };
    expect(replies[0]!.email).toEqual({ status: 'failed', reason: 'No send_email binding "EMAIL" is configured.' });
  });
});
