import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableRowCounts } from '../db/introspection.ts';
import { call, createSite, createToken } from '../../test/workers/helpers.ts';

const FORM = {
  id: 'katuvalot',
  title: { fi: 'Katuvalot', sv: 'Gatubelysning', en: 'Street lights' },
  intro: { fi: 'Kerro rikkinäisestä lampusta.', sv: 'Berätta om en trasig lampa.' },
  fields: [
    { key: 'topic', type: 'choice', label: { fi: 'Aihe', sv: 'Ämne' }, required: true, options: [{ id: 'dark', label: { fi: 'Ei pala', sv: 'Lyser inte' } }, { id: 'blinks', label: { fi: 'Vilkkuu' } }] },
    { key: 'message', type: 'longText', label: { fi: 'Viesti' }, required: true, maxLength: 500 },
    { key: 'days', type: 'multiChoice', label: { fi: 'Päivät' }, options: [{ id: 'mon', label: { fi: 'ma' } }, { id: 'tue', label: { fi: 'ti' } }] },
    { key: 'pole', type: 'shortText', label: { fi: 'Pylvään numero' }, help: { fi: 'Pylvään kyljessä' }, maxLength: 20 },
    { key: 'email', type: 'email', label: { fi: 'Sähköposti' } },
    { key: 'phone', type: 'phone', label: { fi: 'Puhelin' } },
    { key: 'place', type: 'location', label: { fi: 'Paikka' } },
    { key: 'consent', type: 'consent', label: { fi: 'Saa julkaista' }, required: true },
  ],
  categories: [{ id: 'lights', label: { fi: 'Valaistus', sv: 'Belysning' } }],
  status: 'open',
};
const SIMPLE = { id: 'yleinen', title: { fi: 'Yleinen palaute' }, fields: [{ key: 'viesti', type: 'longText', label: { fi: 'Viesti' }, required: true }], status: 'open' };

async function open311Site(extraForms: Record<string, unknown>[] = []) {
  const { site, owner } = await createSite();
  for (const form of [FORM, SIMPLE, ...extraForms]) {
    const response = await call(`/api/v1/sites/${site.id}/forms`, { method: 'POST', token: owner, json: form });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  }
  return { site: site.id, owner };
}

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}`;
const get = (site: string, path: string, init: Parameters<typeof call>[1] = {}) => call(`/open311/v2/${site}/${path}`, init);

/** A form-encoded POST, as FixMyStreet-style clients send it. */
function post(site: string, params: [string, string][], options: { format?: 'json' | 'xml'; headers?: Record<string, string> } = {}) {
  return call(`/open311/v2/${site}/requests.${options.format ?? 'json'}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip(), ...options.headers },
    body: new URLSearchParams(params).toString(),
  });
}

const VALID: [string, string][] = [
  ['service_code', 'katuvalot'],
  ['description', 'Lamppu ei pala Koivutiellä.'],
  ['attribute[topic]', 'dark'],
  ['attribute[consent]', 'true'],
];

const without = (params: [string, string][], name: string) => params.filter(([n]) => n !== name);

async function created(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(201);
  const body = (await response.json()) as { service_request_id: string; service_notice: string }[];
  expect(body).toHaveLength(1);
  expect(Object.keys(body[0]!)).toEqual(['service_request_id', 'service_notice']);
  return body[0]!.service_request_id;
}

async function stored(site: string, ref: string) {
  const row = await env.DB.prepare('SELECT form_id, answers, contact, category, status FROM submissions WHERE site_id = ?1 AND ref = ?2')
    .bind(site, ref)
    .first<{ form_id: string; answers: string; contact: string | null; category: string | null; status: string }>();
  return { ...row!, answers: JSON.parse(row!.answers) as Record<string, unknown>, contact: row!.contact ? (JSON.parse(row!.contact) as Record<string, string>) : null };
}

/** Open311 errors, asserting the shape: `[{"code": <status>, "description": "…"}]`. */
async function open311ErrorsOf(response: Response): Promise<string[]> {
  const body = (await response.json()) as { code: number; description: string }[];
  expect(Array.isArray(body), JSON.stringify(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const error of body) {
    expect(Object.keys(error)).toEqual(['code', 'description']);
    expect(error.code).toBe(response.status);
    expect(error.description.length).toBeGreaterThan(0);
  }
  return body.map((e) => e.description);
}

// ---------------------------------------------------------------------------------------------
// A minimal XML 1.0 reader for the test: elements, text and the five predefined entities plus
// character references. It throws on anything not well-formed, so parsing is the assertion.
interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`Not well-formed XML at ${i}: ${why} in ${source.slice(Math.max(0, i - 40), i + 40)}`);
  };
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!ok) fail(`character U+${cp.toString(16)} is not allowed`);
  }
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
  if (source.startsWith('<?xml')) {
    if (!source.startsWith(declaration)) fail('unexpected declaration');
    i = declaration.length;
  }
  const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
  const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  function readText(): string {
    let text = '';
    while (i < source.length && source[i] !== '<') {
      if (source[i] === '&') {
        const end = source.indexOf(';', i);
        if (end < 0) fail('unterminated reference');
        const ref = source.slice(i + 1, end);
        if (ENTITIES[ref]) text += ENTITIES[ref];
        else if (/^#[0-9]+$/.test(ref)) text += String.fromCodePoint(Number(ref.slice(1)));
        else if (/^#x[0-9a-fA-F]+$/.test(ref)) text += String.fromCodePoint(parseInt(ref.slice(2), 16));
        else fail(`unknown entity &${ref};`);
        i = end + 1;
      } else {
        if (source[i] === '>' ) fail('raw ">" in text');
        text += source[i++];
      }
    }
    return text;
  }
  function readElement(): XmlElement {
    if (source[i] !== '<') fail('expected "<"');
    i++;
    const name = NAME.exec(source.slice(i))?.[0] ?? fail('expected an element name');
    i += name.length;
    if (source.startsWith('/>', i)) {
      i += 2;
      return { name, children: [], text: '' };
    }
    if (source[i] !== '>') fail(`expected ">" after <${name}`);
    i++;
    const element: XmlElement = { name, children: [], text: '' };
    for (;;) {
      element.text += readText();
      if (i >= source.length) fail(`<${name}> is not closed`);
      if (source.startsWith('</', i)) {
        const close = `</${name}>`;
        if (!source.startsWith(close, i)) fail(`expected ${close}`);
        i += close.length;
        return element;
      }
      element.children.push(readElement());
    }
  }
  const root = readElement();
  if (i !== source.length) fail('content after the root element');
  return root;
}

const child = (element: XmlElement, name: string) => element.children.find((c) => c.name === name);
// ---------------------------------------------------------------------------------------------

describe('GET services', () => {
  it('lists one service per open form with the GeoReport v2 fields, not drafts or closed forms', async () => {
    const { site } = await open311Site([
      { ...SIMPLE, id: 'luonnos', status: 'draft' },
      { ...SIMPLE, id: 'suljettu', status: 'closed' },
    ]);
    const response = await get(site, 'services.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const services = (await response.json()) as Record<string, unknown>[];
    expect(services).toEqual([
      { service_code: 'katuvalot', service_name: 'Katuvalot', description: 'Kerro rikkinäisestä lampusta.', metadata: true, type: 'realtime', keywords: 'Valaistus', group: '' },
      { service_code: 'yleinen', service_name: 'Yleinen palaute', description: '', metadata: false, type: 'realtime', keywords: '', group: '' },
    ]);
  });

  it('names services in the language asked for, falling back to the site default', async () => {
    const { site } = await open311Site();
    const sv = (await (await get(site, 'services.json?locale=sv_FI')).json()) as { service_name: string; description: string }[];
    expect(sv.map((s) => s.service_name)).toEqual(['Gatubelysning', 'Yleinen palaute']);
    const en = (await (await get(site, 'services.json?lang=en')).json()) as { service_name: string; description: string }[];
    expect(en[0]).toMatchObject({ service_name: 'Street lights', description: 'Kerro rikkinäisestä lampusta.' });
    const bad = await get(site, 'services.json?locale=de');
    expect(bad.status).toBe(400);
    expect((await open311ErrorsOf(bad))[0]).toMatch(/^locale: /);
  });

  it('answers the same in XML', async () => {
    const { site } = await open311Site();
    const response = await get(site, 'services.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=UTF-8');
    const text = await response.text();
    const root = parseXml(text);
    expect(root.name).toBe('services');
    expect(root.children.map((s) => s.name)).toEqual(['service', 'service']);
    expect(root.children[0]!.children.map((e) => `${e.name}=${e.text}`)).toEqual([
      'service_code=katuvalot',
      'service_name=Katuvalot',
      'description=Kerro rikkinäisestä lampusta.',
      'metadata=true',
      'type=realtime',
      'keywords=Valaistus',
      'group=',
    ]);
  });
});

describe('GET services/:code', () => {
  it('defines the attributes: every field not carried by a standard parameter, with Open311 datatypes', async () => {
    const { site } = await open311Site();
    const response = await get(site, 'services/katuvalot.json');
    expect(response.status).toBe(200);
    const definition = (await response.json()) as { service_code: string; attributes: Record<string, unknown>[] };
    expect(definition.service_code).toBe('katuvalot');
    expect(definition.attributes).toEqual([
      { variable: true, code: 'topic', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'Aihe', values: [{ key: 'dark', name: 'Ei pala' }, { key: 'blinks', name: 'Vilkkuu' }] },
      { variable: true, code: 'days', datatype: 'multivaluelist', required: false, datatype_description: null, order: 2, description: 'Päivät', values: [{ key: 'mon', name: 'ma' }, { key: 'tue', name: 'ti' }] },
      { variable: true, code: 'pole', datatype: 'string', required: false, datatype_description: 'Pylvään kyljessä', order: 3, description: 'Pylvään numero', values: [] },
      { variable: true, code: 'consent', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 4, description: 'Saa julkaista', values: [{ key: 'true', name: 'Kyllä' }, { key: 'false', name: 'Ei' }] },
      { variable: true, code: 'category', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 5, description: 'Aihepiiri', values: [{ key: 'lights', name: 'Valaistus' }] },
    ]);
    const sv = (await (await get(site, 'services/katuvalot.json?locale=sv')).json()) as { attributes: { description: string; values: { name: string }[] }[] };
    expect(sv.attributes[0]).toMatchObject({ description: 'Ämne', values: [{ name: 'Lyser inte' }, { name: 'Vilkkuu' }] });
  });

  it('maps text fields past the first to string and text attributes', async () => {
    const { site } = await open311Site([
      {
        id: 'monta',
        title: { fi: 'Monta' },
        fields: [
          { key: 'summary', type: 'shortText', label: { fi: 'Otsikko' } },
          { key: 'body', type: 'longText', label: { fi: 'Kuvaus' } },
          { key: 'more', type: 'longText', label: { fi: 'Lisää' } },
        ],
        status: 'open',
      },
    ]);
    const definition = (await (await get(site, 'services/monta.json')).json()) as { attributes: { code: string; datatype: string }[] };
    expect(definition.attributes.map((a) => `${a.code}:${a.datatype}`)).toEqual(['summary:string', 'more:text']);
  });

  it('answers in XML with <attributes><attribute> and <values><value>', async () => {
    const { site } = await open311Site();
    const root = parseXml(await (await get(site, 'services/katuvalot.xml')).text());
    expect(root.name).toBe('service_definition');
    expect(child(root, 'service_code')!.text).toBe('katuvalot');
    const first = child(root, 'attributes')!.children[0]!;
    expect(first.name).toBe('attribute');
    expect(child(first, 'datatype')!.text).toBe('singlevaluelist');
    expect(child(first, 'datatype_description')!.text).toBe('');
    expect(child(first, 'values')!.children.map((v) => `${child(v, 'key')!.text}=${child(v, 'name')!.text}`)).toEqual(['dark=Ei pala', 'blinks=Vilkkuu']);
  });

  it('knows no drafts, closed or unknown services', async () => {
    const { site } = await open311Site([{ ...SIMPLE, id: 'luonnos', status: 'draft' }, { ...SIMPLE, id: 'suljettu', status: 'closed' }]);
    for (const code of ['luonnos', 'suljettu', 'ei-ole', 'NOT_A_SLUG']) {
      const response = await get(site, `services/${code}.json`);
      expect(response.status).toBe(404);
      expect((await open311ErrorsOf(response))[0]).toMatch(/^service_code: /);
    }
    expect((await get(site, 'services/katuvalot.csv')).status).toBe(404);
  });
});

describe('POST requests', () => {
  it('is refused from another site\'s page (a form POST needs no preflight), taken from the site\'s own pages and from apps', async () => {
    const { site } = await open311Site();
    const before = await tableRowCounts(env.DB);
    const foreign = await post(site, VALID, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(await tableRowCounts(env.DB)).toEqual(before);
    expect((await post(site, VALID, { headers: { Origin: 'https://www.testikunta.example' } })).status).toBe(201);
    expect((await post(site, VALID)).status).toBe(201);
  });

  it('does not offer a form that asks for a Turnstile check, which Open311 clients cannot pass', async () => {
    const { site, owner } = await open311Site();
    await call(`/api/v1/sites/${site}/settings`, { method: 'PATCH', token: owner, json: { challengeSiteKey: '0x4AAAAAAAtest', challengeSecret: 'secret' } });
    await call(`/api/v1/sites/${site}/forms/katuvalot`, { method: 'PATCH', token: owner, json: { challenge: true } });
    const services = (await (await get(site, 'services.json')).json()) as { service_code: string }[];
    expect(services.map((s) => s.service_code)).not.toContain('katuvalot');
    expect((await get(site, 'services/katuvalot.json')).status).toBe(404);
    expect((await post(site, VALID)).status).toBe(404);
  });

  it('creates one submission from a form-encoded request, contact details apart, the place from lat/long/address_string', async () => {
    const { site } = await open311Site();
    const before = await tableRowCounts(env.DB);
    const response = await post(site, [
      ...VALID,
      ['lat', '60.1699'],
      ['long', '24.9384'],
      ['address_string', 'Koivutie 3, Koivulahti'],
      ['email', 'asukas@example.fi'],
      ['phone', '+358 40 123 4567'],
      ['first_name', 'Matti'],
      ['last_name', 'Meikäläinen'],
      ['media_url', 'https://example.com/photo.jpg'],
      ['device_id', 'abc'],
      ['attribute[pole]', 'KV-12'],
      ['attribute[category]', 'lights'],
      ['api_key', 'not-needed-for-posting'],
    ]);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const ref = await created(response);
    expect(ref).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    const after = await tableRowCounts(env.DB);
    expect(after.submissions).toBe(before.submissions! + 1);
    const row = await stored(site, ref);
    expect(row).toMatchObject({ form_id: 'katuvalot', category: 'lights', status: 'received' });
    expect(row.answers).toEqual({
      topic: 'dark',
      message: 'Lamppu ei pala Koivutiellä.',
      pole: 'KV-12',
      place: { lat: 60.1699, long: 24.9384, address: 'Koivutie 3, Koivulahti' },
      consent: true,
    });
    expect(row.contact).toEqual({ email: 'asukas@example.fi', phone: '+358 40 123 4567' });
    // Names were sent, but the form asks for none: they are stored nowhere.
    const all = JSON.stringify(await env.DB.prepare('SELECT * FROM submissions WHERE site_id = ?1').bind(site).all());
    expect(all).not.toContain('Matti');
    expect(all).not.toContain('photo.jpg');
    // The JSON API sees the same submission.
    expect(await (await call(`/api/v1/sites/${site}/submissions/${ref}`)).json()).toMatchObject({ ref, form: 'katuvalot', status: 'received' });
  });

  it('takes JSON as well, with attributes flat or nested, and a multivaluelist as a list', async () => {
    const { site } = await open311Site();
    const send = (body: unknown) => call(`/open311/v2/${site}/requests.json`, { method: 'POST', json: body, headers: { 'CF-Connecting-IP': ip() } });
    const nested = await created(await send({ service_code: 'katuvalot', description: 'Vilkkuu öisin.', lat: 60.2, long: 24.9, attribute: { topic: 'blinks', consent: true, days: ['mon', 'tue'] } }));
    expect((await stored(site, nested)).answers).toEqual({ topic: 'blinks', message: 'Vilkkuu öisin.', days: ['mon', 'tue'], place: { lat: 60.2, long: 24.9 }, consent: true });
    const flat = await created(await send({ service_code: 'katuvalot', description: 'Osoite vain.', address_string: 'Koivutie 3', 'attribute[topic]': 'dark', 'attribute[consent]': 'true', 'attribute[days][]': ['tue'] }));
    expect((await stored(site, flat)).answers).toEqual({ topic: 'dark', message: 'Osoite vain.', days: ['tue'], place: { address: 'Koivutie 3' }, consent: true });
  });

  it('takes a multivaluelist as repeated attribute[CODE][]', async () => {
    const { site } = await open311Site();
    const ref = await created(await post(site, [...VALID, ['attribute[days][]', 'mon'], ['attribute[days][]', 'tue']]));
    expect((await stored(site, ref)).answers.days).toEqual(['mon', 'tue']);
    const one = await created(await post(site, [...VALID, ['attribute[days]', 'tue']]));
    expect((await stored(site, one)).answers.days).toEqual(['tue']);
  });

  it('stores names only in fields meant for them', async () => {
    const { site } = await open311Site([
      { id: 'nimella', title: { fi: 'Nimellä' }, fields: [{ key: 'viesti', type: 'longText', label: { fi: 'Viesti' }, required: true }, { key: 'name', type: 'shortText', label: { fi: 'Nimi' } }], status: 'open' },
    ]);
    const definition = (await (await get(site, 'services/nimella.json')).json()) as { attributes: unknown[] };
    expect(definition.attributes).toEqual([]);
    const ref = await created(await post(site, [['service_code', 'nimella'], ['description', 'Hei'], ['first_name', 'Maija'], ['last_name', 'Mallikas']]));
    expect((await stored(site, ref)).answers).toEqual({ viesti: 'Hei', name: 'Maija Mallikas' });
  });

  it('answers in XML as <service_requests><request>', async () => {
    const { site } = await open311Site();
    const response = await post(site, VALID, { format: 'xml' });
    expect(response.status).toBe(201);
    const root = parseXml(await response.text());
    expect(root.name).toBe('service_requests');
    const request = root.children[0]!;
    expect(request.name).toBe('request');
    expect(request.children.map((c) => c.name)).toEqual(['service_request_id', 'service_notice']);
    expect(child(request, 'service_notice')!.text).toContain(child(request, 'service_request_id')!.text);
  });

  const invalid: [string, [string, string][], string[]][] = [
    ['no service_code', without(VALID, 'service_code'), ['service_code']],
    ['no description for a required text', without(VALID, 'description'), ['description']],
    ['an unknown option', [...without(VALID, 'attribute[topic]'), ['attribute[topic]', 'moon']], ['attribute[topic]']],
    ['a description over the maximum length', [...without(VALID, 'description'), ['description', 'x'.repeat(501)]], ['description']],
    ['a malformed email', [...VALID, ['email', 'not-an-email']], ['email']],
    ['a malformed phone number', [...VALID, ['phone', 'call me']], ['phone']],
    ['a latitude without a longitude', [...VALID, ['lat', '60.2']], ['lat']],
    ['a latitude that is not a number', [...VALID, ['lat', 'north'], ['long', '24.9']], ['lat']],
    ['a latitude off the globe', [...VALID, ['lat', '91'], ['long', '24.9']], ['lat']],
    ['an address too long', [...VALID, ['address_string', 'x'.repeat(301)]], ['address_string']],
    ['a consent that is not true or false', [...without(VALID, 'attribute[consent]'), ['attribute[consent]', 'maybe']], ['attribute[consent]']],
    ['a required consent refused', [...without(VALID, 'attribute[consent]'), ['attribute[consent]', 'false']], ['attribute[consent]']],
    ['a repeated option in a multivaluelist', [...VALID, ['attribute[days][]', 'mon'], ['attribute[days][]', 'mon']], ['attribute[days]']],
    ['an attribute the service does not have', [...VALID, ['attribute[colour]', 'red']], ['attribute[colour]']],
    ['a standard field sent as an attribute', [...VALID, ['attribute[message]', 'again']], ['attribute[message]']],
    ['an unknown category', [...VALID, ['attribute[category]', 'roads']], ['attribute[category]']],
    ['a parameter GeoReport v2 does not have', [...VALID, ['website', 'http://spam.example']], ['website']],
    ['a single-valued attribute sent twice', [...VALID, ['attribute[topic]', 'blinks']], ['attribute[topic]']],
    ['several problems at once', [['service_code', 'katuvalot'], ['attribute[topic]', 'moon'], ['lat', 'x'], ['long', '1']], ['lat', 'description', 'attribute[topic]', 'attribute[consent]']],
  ];
  it.each(invalid)('refuses %s with 400 naming the parameter, and stores nothing', async (_, params, names) => {
    const { site } = await open311Site();
    const before = await tableRowCounts(env.DB);
    const response = await post(site, params, { headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(response.status).toBe(400);
    const descriptions = await open311ErrorsOf(response);
    expect(descriptions.map((d) => d.split(':')[0]).sort()).toEqual([...names].sort());
    expect(await tableRowCounts(env.DB)).toEqual(before);
  });

  it('refuses a closed, draft or unknown service, a bad body, and another jurisdiction, storing nothing', async () => {
    const { site } = await open311Site([{ ...SIMPLE, id: 'suljettu', status: 'closed' }, { ...SIMPLE, id: 'luonnos', status: 'draft' }]);
    const before = await tableRowCounts(env.DB);
    const closed = await post(site, [['service_code', 'suljettu'], ['description', 'x']]);
    expect(closed.status).toBe(400);
    expect((await open311ErrorsOf(closed))[0]).toMatch(/^service_code: .*no longer/);
    for (const code of ['luonnos', 'ei-ole', '<script>']) {
      const response = await post(site, [['service_code', code], ['description', 'x']]);
      expect(response.status).toBe(404);
      expect((await open311ErrorsOf(response))[0]).toMatch(/^service_code: /);
    }
    const broken = await call(`/open311/v2/${site}/requests.json`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"service_code": ' });
    expect(broken.status).toBe(400);
    expect((await open311ErrorsOf(broken))[0]).toMatch(/^body: .*JSON/);
    const text = await call(`/open311/v2/${site}/requests.json`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'service_code=yleinen' });
    expect(text.status).toBe(415);
    await open311ErrorsOf(text);
    const huge = await post(site, [...VALID, ['attribute[pole]', 'x'.repeat(70_000)]]);
    expect(huge.status).toBe(413);
    await open311ErrorsOf(huge);
    const elsewhere = await post(site, [...VALID, ['jurisdiction_id', 'espoo']]);
    expect(elsewhere.status).toBe(400);
    expect((await open311ErrorsOf(elsewhere))[0]).toMatch(/^jurisdiction_id: /);
    expect(await tableRowCounts(env.DB)).toEqual(before);
    await created(await post(site, [...VALID, ['jurisdiction_id', site]]));
  });

  it('answers a retry with the same Idempotency-Key with the first code, storing one submission', async () => {
    const { site } = await open311Site();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([post(site, VALID, { headers: { 'Idempotency-Key': key } }), post(site, VALID, { headers: { 'Idempotency-Key': key } })]);
    const c = await post(site, VALID, { format: 'xml', headers: { 'Idempotency-Key': key } });
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(c.status).toBe(200);
    expect(c.headers.get('Idempotent-Replay')).toBe('true');
    const ids = [...(await Promise.all([a, b].map(async (r) => ((await r.json()) as { service_request_id: string }[])[0]!.service_request_id)))];
    ids.push(child(parseXml(await c.text()).children[0]!, 'service_request_id')!.text);
    expect(new Set(ids).size).toBe(1);
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM submissions WHERE site_id = ?1').bind(site).first<{ n: number }>();
    expect(count!.n).toBe(1);
    const reused = await post(site, [...VALID, ['attribute[pole]', 'other']], { headers: { 'Idempotency-Key': key } });
    expect(reused.status).toBe(422);
    await open311ErrorsOf(reused);
  });

  it('shares the submission rate limit per form and client address with the JSON API', async () => {
    const { site } = await open311Site();
    const headers = { 'CF-Connecting-IP': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(site, VALID, { headers })).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const limited = await post(site, VALID, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    await open311ErrorsOf(limited);
    const viaApi = await call(`/api/v1/sites/${site}/forms/katuvalot/submissions`, { method: 'POST', json: { answers: { topic: 'dark', message: 'x', consent: true } }, headers });
    expect(viaApi.status).toBe(429);
    // Another form of the same site still takes feedback from that address.
    const otherForm = await call(`/api/v1/sites/${site}/forms/yleinen/submissions`, { method: 'POST', json: { answers: { viesti: 'x' } }, headers });
    expect(otherForm.status).toBe(201);
  });
});

describe('GET requests', () => {
  async function answeredRequest() {
    const { site, owner } = await open311Site();
    const ref = await created(
      await post(site, [...VALID, ['email', 'asukas@example.fi'], ['phone', '+358 40 123 4567'], ['lat', '60.1699'], ['long', '24.9384'], ['address_string', 'Koivutie 3'], ['attribute[pole]', 'KV-12']]),
    );
    const moderator = await createToken(site, 'moderator');
    return { site, owner, ref, moderator };
  }
  const patch = (site: string, ref: string, token: string, json: unknown) => call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token, json });

  it('shows the state of a request to whoever has its code, and nothing the resident wrote', async () => {
    const { site, ref, moderator } = await answeredRequest();
    const fresh = await get(site, `requests/${ref}.json`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const [view] = (await fresh.json()) as Record<string, unknown>[];
    expect(Object.keys(view!).sort()).toEqual(
      ['agency_responsible', 'expected_datetime', 'requested_datetime', 'service_code', 'service_name', 'service_request_id', 'status', 'status_notes', 'updated_datetime'].sort(),
    );
    expect(view).toMatchObject({ service_request_id: ref, status: 'open', status_notes: null, service_name: 'Katuvalot', service_code: 'katuvalot', expected_datetime: null, agency_responsible: 'Testikunta' });
    expect(view!.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);

    await patch(site, ref, moderator, { status: 'in_progress', reply: { body: 'Sisäinen: urakoitsija Oy hoitaa', public: false } });
    const working = ((await (await get(site, `requests/${ref.toLowerCase()}.json`)).json()) as Record<string, unknown>[])[0];
    expect(working).toMatchObject({ status: 'open', status_notes: null });

    await patch(site, ref, moderator, { status: 'answered', reply: { body: 'Lamppu vaihdetaan tällä viikolla.', public: true } });
    await patch(site, ref, moderator, { reply: { body: 'Sisäinen: laskutettu', public: false } });
    const answered = await get(site, `requests/${ref}.json`);
    const text = await answered.text();
    expect(JSON.parse(text)[0]).toMatchObject({ status: 'closed', status_notes: 'Lamppu vaihdetaan tällä viikolla.' });
    for (const secret of ['asukas@example.fi', '358', 'Lamppu ei pala', 'Koivutie', '60.1699', '24.9384', 'KV-12', 'Sisäinen', 'dark']) expect(text).not.toContain(secret);

    await patch(site, ref, moderator, { status: 'closed' });
    const xml = parseXml(await (await get(site, `requests/${ref}.xml`)).text());
    expect(xml.name).toBe('service_requests');
    const request = xml.children[0]!;
    expect(child(request, 'status')!.text).toBe('closed');
    expect(child(request, 'status_notes')!.text).toBe('Lamppu vaihdetaan tällä viikolla.');
    expect(child(request, 'expected_datetime')!.text).toBe('');
  });

  it('reads several requests by code without a token, and says when a code is unknown or malformed', async () => {
    const { site, ref } = await answeredRequest();
    const other = await created(await post(site, VALID));
    const both = (await (await get(site, `requests.json?service_request_id=${ref},${other.toLowerCase()},ZZZ-ZZZ`)).json()) as { service_request_id: string }[];
    expect(both.map((r) => r.service_request_id).sort()).toEqual([ref, other].sort());
    const unknown = await get(site, 'requests/ZZZ-ZZZ.json');
    expect(unknown.status).toBe(404);
    expect((await open311ErrorsOf(unknown))[0]).toMatch(/^service_request_id: /);
    const malformed = await get(site, 'requests/not-a-code.json');
    expect(malformed.status).toBe(400);
    expect((await open311ErrorsOf(malformed))[0]).toMatch(/^service_request_id: /);
    const tooMany = await get(site, `requests.json?service_request_id=${Array.from({ length: 21 }, () => ref).join(',')}`);
    expect(tooMany.status).toBe(400);
  });

  it('hides spam: never listed, and not found by its code', async () => {
    const { site, ref, moderator } = await answeredRequest();
    const viewer = await createToken(site, 'viewer');
    await patch(site, ref, moderator, { status: 'spam' });
    expect((await get(site, `requests/${ref}.json`)).status).toBe(404);
    expect(await (await get(site, `requests.json?service_request_id=${ref}`)).json()).toEqual([]);
    expect(await (await get(site, `requests.json?api_key=${viewer}`)).json()).toEqual([]);
  });

  it('lists every request only to an official (viewer or higher), by api_key or bearer token, with filters', async () => {
    const { site, ref, moderator } = await answeredRequest();
    const other = await created(await post(site, [['service_code', 'yleinen'], ['description', 'Kiitos!']]));
    await patch(site, ref, moderator, { status: 'answered' });
    const viewer = await createToken(site, 'viewer');

    const anonymous = await get(site, 'requests.json');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect((await open311ErrorsOf(anonymous))[0]).toContain('api_key');
    expect((await get(site, 'requests.json?api_key=osl_garbage')).status).toBe(401);
    const stranger = await createSite();
    const wrongSite = await get(site, `requests.json?api_key=${stranger.owner}`);
    expect(wrongSite.status).toBe(403);
    await open311ErrorsOf(wrongSite);

    type View = { service_request_id: string; status: string };
    const all = (await (await get(site, `requests.json?api_key=${viewer}`)).json()) as View[];
    expect(all.map((r) => r.service_request_id).sort()).toEqual([ref, other].sort());
    expect(JSON.stringify(all)).not.toContain('Kiitos');
    const bearer = await get(site, 'requests.json?status=closed', { token: viewer });
    expect(((await bearer.json()) as View[]).map((r) => r.service_request_id)).toEqual([ref]);
    const byService = (await (await get(site, `requests.json?service_code=yleinen&status=open&api_key=${viewer}`)).json()) as View[];
    expect(byService.map((r) => r.service_request_id)).toEqual([other]);
    const future = (await (await get(site, `requests.json?start_date=2099-01-01T00:00:00%2B02:00&api_key=${viewer}`)).json()) as View[];
    expect(future).toEqual([]);
    const xml = parseXml(await (await get(site, `requests.xml?api_key=${viewer}`)).text());
    expect(xml.children.map((r) => r.name)).toEqual(['request', 'request']);

    for (const [query, param] of [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'end_date'],
      ['start_date=yesterday', 'start_date'],
      ['end_date=2026-01-01&start_date=2026-02-01', 'start_date'],
      ['status=pending', 'status'],
      ['service_code=%3Cscript%3E', 'service_code'],
    ] as const) {
      const response = await get(site, `requests.json?${query}&api_key=${viewer}`);
      expect(response.status, query).toBe(400);
      expect((await open311ErrorsOf(response))[0]).toMatch(new RegExp(`^${param}: `));
    }
  });
});

describe('XML escaping', () => {
  it('escapes hostile text from forms and replies, and drops characters XML cannot carry', async () => {
    const hostile = `<script>alert("x")</script> & 'co'\u0001\uFFFF`;
    const { site } = await open311Site([
      { id: 'vihamielinen', title: { fi: hostile }, intro: { fi: ']]><!-- &amp;' }, fields: [{ key: 'viesti', type: 'longText', label: { fi: hostile }, required: true }, { key: 'extra', type: 'choice', label: { fi: hostile }, options: [{ id: 'a', label: { fi: '</name>' } }, { id: 'b', label: { fi: 'b' } }] }], status: 'open' },
    ]);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;';
    const services = await (await get(site, 'services.xml')).text();
    expect(services).toContain(`<service_name>${escaped}</service_name>`);
    expect(services).toContain('<description>]]&gt;&lt;!-- &amp;amp;</description>');
    const root = parseXml(services);
    const service = root.children.find((s) => child(s, 'service_code')!.text === 'vihamielinen')!;
    expect(child(service, 'service_name')!.text).toBe(`<script>alert("x")</script> & 'co'`);

    const definition = await (await get(site, 'services/vihamielinen.xml')).text();
    expect(definition).toContain(`<description>${escaped}</description>`);
    expect(definition).toContain('<name>&lt;/name&gt;</name>');
    parseXml(definition);

    const ref = await created(await post(site, [['service_code', 'vihamielinen'], ['description', hostile]]));
    const moderator = await createToken(site, 'moderator');
    await call(`/api/v1/sites/${site}/submissions/${ref}`, { method: 'PATCH', token: moderator, json: { status: 'answered', reply: { body: `${hostile}\r\nrivi`, public: true } } });
    const request = await (await get(site, `requests/${ref}.xml`)).text();
    expect(request).toContain(`<status_notes>${escaped}&#13;\nrivi</status_notes>`);
    expect(child(parseXml(request).children[0]!, 'status_notes')!.text).toBe(`<script>alert("x")</script> & 'co'\r\nrivi`);

    const errors = await (await post(site, [['service_code', 'vihamielinen'], ['attribute[extra]', hostile]], { format: 'xml' })).text();
    const errorRoot = parseXml(errors);
    expect(errorRoot.name).toBe('errors');
    expect(errorRoot.children.every((e) => e.name === 'error' && child(e, 'code')!.text === '400')).toBe(true);
  });
});

describe('the Open311 door', () => {
  it('answers an unknown site with 404 in the format asked for', async () => {
    const json = await call('/open311/v2/ei-ole-olemassa/services.json');
    expect(json.status).toBe(404);
    expect((await open311ErrorsOf(json))[0]).toContain('ei-ole-olemassa');
    const xml = await call('/open311/v2/ei-ole-olemassa/services.xml');
    expect(xml.status).toBe(404);
    const root = parseXml(await xml.text());
    expect(root.name).toBe('errors');
    expect(root.children[0]!.children.map((e) => e.name)).toEqual(['code', 'description']);
    expect(child(root.children[0]!, 'code')!.text).toBe('404');
    const nothing = await call('/open311/v1/whatever');
    expect(nothing.status).toBe(404);
    await open311ErrorsOf(nothing);
  });

  it('refuses another jurisdiction_id with 400 and accepts the site\'s own', async () => {
    const { site } = await open311Site();
    const wrong = await get(site, 'services.json?jurisdiction_id=espoo.fi');
    expect(wrong.status).toBe(400);
    expect((await open311ErrorsOf(wrong))[0]).toMatch(/^jurisdiction_id: /);
    expect((await get(site, `services.json?jurisdiction_id=${site}`)).status).toBe(200);
  });

  it('answers a read preflight from any origin, and gives writes no CORS headers', async () => {
    const { site } = await open311Site();
    const preflight = await get(site, 'requests.json', { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).not.toContain('POST');
  });

  it('survives hostile requests: never a 5xx, always Open311 errors, nothing stored by a refusal', async () => {
    const { site } = await open311Site();
    const text = fc.oneof(fc.constantFrom('', ' ', "' OR 1=1 --", '<x>', '&amp;', '\u0000', '\ud800', 'katuvalot', 'dark', 'true', '60.2', '1e309', 'NaN', '__proto__'), fc.string({ maxLength: 30 }));
    const name = fc.oneof(
      fc.constantFrom('service_code', 'description', 'lat', 'long', 'address_string', 'email', 'phone', 'jurisdiction_id', 'attribute[topic]', 'attribute[days][]', 'attribute[consent]', 'attribute[]', 'attribute[__proto__]', 'attribute[category]'),
      text,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, text), { maxLength: 8 }), fc.boolean(), fc.constantFrom('json', 'xml'), async (params, asJson, format) => {
        const before = await tableRowCounts(env.DB);
        const response = asJson
          ? await call(`/open311/v2/${site}/requests.${format}`, { method: 'POST', json: Object.fromEntries(params), headers: { 'CF-Connecting-IP': ip() } })
          : await post(site, params, { format: format as 'json' | 'xml' });
        const body = await response.text();
        expect(response.status, body).toBeLessThan(500);
        if (response.status >= 400) {
          if (format === 'xml') expect(parseXml(body).name).toBe('errors');
          else expect((JSON.parse(body) as { code: number }[])[0]!.code).toBe(response.status);
          expect(await tableRowCounts(env.DB)).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});
