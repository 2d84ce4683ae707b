/**
 * The surfaces outside /api/openapi.json that carry data or take writes: Open311 (plain Hono
 * routes), the iframe pages, the console page and the bench routes, attacked as the matrix
 * attacks the API.
 */
import { UNREGISTERED_ORIGIN } from './seed.ts';
import type { SeedSite } from './seed.ts';
import { callerOn, expectationFor, levelOf } from './oracle.ts';
import type { Attempt, Auth, Expectation, Outcome, View } from './oracle.ts';

export interface MatrixContext {
  a: SeedSite;
  b: SeedSite;
  auths: Auth[];
  /** Sends an attack and records whatever goes wrong. */
  judge: (attempt: Attempt, expected: Expectation, view: View) => Promise<Outcome>;
  nextOrigin: () => string | undefined;
  /** Records an attack that succeeded in a way `judge` does not see. */
  flag: (problem: string) => void;
}

/** Open311 (plain Hono routes, outside the document): reads by code, the officials' list, filing a request. */
export async function attackOpen311({ a, b, auths, judge, nextOrigin, flag }: MatrixContext): Promise<void> {
  const path = (slug: SeedSite, rest: string) => `/open311/v2/${slug.slug}/${rest}`;
  const open = { kind: 'allowed' } as const;
  const notFound = (rule: string) => ({ kind: 'refuse', statuses: [404], rule }) as const;
  for (const [slug, objects] of [[b, b], [b, a], [a, b]] as const) {
    const cross = slug !== objects;
    const [form, draftForm] = objects.ids.form as [string, string];
    const view = { slug, level: 0, cors: 'open' } as const;
    for (const format of ['json', 'xml']) {
      const read = (rest: string, expected: Expectation) => judge({ label: `Open311 GET ${rest}`, path: path(slug, rest), method: 'GET', origin: nextOrigin() }, expected, view);
      if (!cross) await read(`services.${format}`, open);
      await read(`services/${form}.${format}`, cross ? notFound('another site\'s form is no service here') : open);
      await read(`services/${draftForm}.${format}`, notFound('a draft form is no service'));
      await read(`requests/${objects.ref}.${format}`, cross ? notFound('another site\'s request code') : open);
      await read(`requests.${format}?service_request_id=${objects.ref}`, open);
    }
    // The officials' list: by header and by api_key, with every token.
    const list = { key: 'GET /open311/v2/{site}/requests.json', method: 'GET', path: '', role: 'viewer', statuses: [], params: [], hasSite: true } as const;
    for (const auth of auths) {
      const caller = callerOn(auth, slug);
      const expected = expectationFor(list, caller, false);
      const listView = { slug, level: levelOf(caller), cors: 'open' } as const;
      await judge({ label: 'Open311 officials\' list', path: path(slug, 'requests.json'), method: 'GET', auth, origin: nextOrigin() }, expected, listView);
      if (auth.token) {
        await judge({ label: 'Open311 officials\' list by api_key', path: path(slug, `requests.json?api_key=${encodeURIComponent(auth.token)}`), method: 'GET', origin: nextOrigin() }, expected, listView);
      }
    }
    // Filing a request: another site's service, a draft, and a page of another origin.
    const file = (code: string, origin: string | undefined, expected: Expectation, auth?: Auth) =>
      judge(
        {
          label: 'Open311 POST requests.json',
          path: path(slug, 'requests.json'),
          method: 'POST',
          auth,
          origin,
          spec: { body: new URLSearchParams({ service_code: code, description: 'Matriisin pyyntö', email: 'matriisi@example.fi' }).toString(), contentType: 'application/x-www-form-urlencoded' },
        },
        expected,
        { slug, level: 0, cors: 'none' },
      );
    const refused = { kind: 'refuse', statuses: [403], rule: 'requests are filed only from the site\'s own pages' } as const;
    if (cross) {
      await file(form, undefined, notFound('another site\'s form is no service here'));
      await file(form, objects.origin, { kind: 'refuse', statuses: [403, 404], rule: 'another site\'s form, from that site\'s page' });
      await file(form, undefined, notFound('another site\'s form, with that site\'s owner token'), auths.find((x) => x.site === objects && x.role === 'owner'));
    } else {
      await file(draftForm, undefined, notFound('a draft form is no service'));
      for (const origin of [(slug === a ? b : a).origin, UNREGISTERED_ORIGIN, 'null']) await file(form, origin, refused);
    }
  }
  // A preflight for a write from a foreign page is never granted the write.
  for (const origin of [a.origin, UNREGISTERED_ORIGIN, 'null']) {
    const out = await judge(
      { label: 'Open311 preflight', path: path(b, 'requests.json'), method: 'OPTIONS', origin, headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } },
      open,
      { slug: b, level: 0, cors: 'open' },
    );
    if (/POST/i.test(out.headers.get('Access-Control-Allow-Methods') ?? '')) flag(`Open311 preflight from ${origin} allows POST: ${out.headers.get('Access-Control-Allow-Methods')}`);
  }
}

/** The iframe pages, the console page and the bench routes. */
export async function attackOtherSurfaces({ a, b, auths, judge, nextOrigin }: MatrixContext): Promise<void> {
  for (const [slug, objects] of [[b, b], [b, a], [a, b]] as const) {
    const frames: [string, string[]][] = [
      ['poll', objects.ids.poll!],
      ['feedback', objects.ids.form!],
      ['video', objects.ids.video!],
      ['video-blog', objects.ids.channel!],
      ['decisions', [`${objects.tag}-organ`]],
    ];
    for (const [widget, ids] of frames) {
      for (const id of ids) {
        await judge({ label: `frame ${widget}`, path: `/embed/v1/frame/${widget}/${id}?site=${slug.slug}`, method: 'GET', origin: nextOrigin() }, { kind: 'allowed' }, { slug, level: 0, cors: 'none' });
      }
    }
  }
  for (const auth of [auths[0]!, ...auths.filter((x) => x.role === 'owner')]) {
    await judge({ label: 'console page', path: '/admin', method: 'GET', auth, origin: nextOrigin() }, { kind: 'allowed' }, { slug: null, level: 0, cors: 'none' });
  }
  const owner = auths.find((x) => x.site === b && x.role === 'owner');
  const gone = { kind: 'refuse', statuses: [404], rule: 'no write surface here' } as const;
  await judge({ label: 'console page write', path: '/admin', method: 'POST', auth: owner, origin: b.origin, spec: { body: '{}', contentType: 'application/json' } }, gone, { slug: null, level: 0, cors: 'none' });
  await judge({ label: 'bench insert', path: '/__bench/insert', method: 'POST', headers: { 'X-Bench-Value': 'matrix' } }, { ...gone, rule: 'bench routes are off' }, { slug: null, level: 0, cors: 'none' });
  await judge({ label: 'bench read', path: `/__bench/results-rows/${b.slug}/${b.hiddenPoll}`, method: 'GET' }, { ...gone, rule: 'bench routes are off' }, { slug: null, level: 0, cors: 'none' });
}
