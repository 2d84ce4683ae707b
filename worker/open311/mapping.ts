/**
 * How a feedback form looks as an Open311 service, and how an Open311 request becomes the
 * same `SubmissionInput` the JSON API takes.
 *
 * Standard request parameters fill the form's fields first: `description` the first longText
 * field (else the first shortText), `email` the first email field, `phone` the first phone field,
 * `lat`/`long`/`address_string` the first location field, `first_name`/`last_name` the fields
 * keyed `first_name`/`last_name` (or both into one keyed `name`). Every other field is an
 * attribute, `attribute[KEY]`. The form's categories, if any, are the attribute `category`.
 */
import type { ErrorIssue } from '../errors.ts';
import { localizedText } from '../localize.ts';
import type { Lang } from '../schema/common.ts';
import { SubmissionInput } from '../schema/forms.ts';
import type { Form, FormField } from '../schema/forms.ts';
import type { Open311Attribute, Open311Datatype, Open311Service, Open311ServiceDefinition } from '../schema/open311.ts';
import type { SiteRecord } from '../schema/sites.ts';

export interface ServiceMapping {
  description?: FormField;
  email?: FormField;
  phone?: FormField;
  location?: FormField;
  firstName?: FormField;
  lastName?: FormField;
  /** A single name field that takes "first_name last_name". */
  fullName?: FormField;
  /** Every other field, in the form's order. */
  attributes: FormField[];
  /** Whether the form's categories are offered as the attribute `category`. */
  category: boolean;
}

const TEXT: FormField['type'][] = ['shortText', 'longText'];

export function mapForm(form: Form): ServiceMapping {
  const used = new Set<FormField>();
  const take = (field: FormField | undefined) => {
    if (field) used.add(field);
    return field;
  };
  const free = (predicate: (field: FormField) => boolean) => form.fields.find((field) => !used.has(field) && predicate(field));
  const named = (key: string) => free((field) => field.key === key && TEXT.includes(field.type));
  const firstName = take(named('first_name'));
  const lastName = take(named('last_name'));
  const fullName = firstName || lastName ? undefined : take(named('name'));
  const description = take(free((f) => f.type === 'longText') ?? free((f) => f.type === 'shortText'));
  const email = take(free((f) => f.type === 'email'));
  const phone = take(free((f) => f.type === 'phone'));
  const location = take(free((f) => f.type === 'location'));
  const attributes = form.fields.filter((field) => !used.has(field));
  const category = (form.categories?.length ?? 0) > 0 && !attributes.some((field) => field.key === 'category');
  return { description, email, phone, location, firstName, lastName, fullName, attributes, category };
}

/** The Open311 parameter a field's answer comes from (`part`: lat, long or address of a location). */
export function paramFor(mapping: ServiceMapping, key: string, part?: string | number): string {
  if (key === mapping.description?.key) return 'description';
  if (key === mapping.email?.key) return 'email';
  if (key === mapping.phone?.key) return 'phone';
  if (key === mapping.firstName?.key) return 'first_name';
  if (key === mapping.lastName?.key) return 'last_name';
  if (key === mapping.fullName?.key) return 'first_name';
  if (key === mapping.location?.key) return part === 'address' ? 'address_string' : part === 'long' ? 'long' : 'lat';
  return `attribute[${key}]`;
}

const WORDS = {
  fi: { yes: 'Kyllä', no: 'Ei', category: 'Aihepiiri', address: 'Osoite.', notice: (ref: string) => `Palautteesi on vastaanotettu. Tunnuksella ${ref} voit seurata sen käsittelyä ja poistaa yhteystietosi.` },
  sv: { yes: 'Ja', no: 'Nej', category: 'Kategori', address: 'En adress.', notice: (ref: string) => `Din respons har tagits emot. Med koden ${ref} kan du följa hur den behandlas och ta bort dina kontaktuppgifter.` },
  en: { yes: 'Yes', no: 'No', category: 'Category', address: 'An address.', notice: (ref: string) => `Your feedback was received. With the code ${ref} you can follow it and remove your contact details.` },
} satisfies Record<Lang, unknown>;

export function serviceNotice(ref: string, lang: Lang): string {
  return WORDS[lang].notice(ref);
}

const DATATYPES: Record<FormField['type'], Open311Datatype> = {
  shortText: 'string',
  longText: 'text',
  email: 'string',
  phone: 'string',
  choice: 'singlevaluelist',
  multiChoice: 'multivaluelist',
  consent: 'singlevaluelist',
  location: 'string',
};

export function service(form: Form, lang: Lang, site: SiteRecord): Open311Service {
  const mapping = mapForm(form);
  return {
    service_code: form.id,
    service_name: localizedText(form.title, lang, site),
    description: localizedText(form.intro, lang, site),
    metadata: mapping.attributes.length > 0 || mapping.category,
    type: 'realtime',
    keywords: (form.categories ?? []).map((c) => localizedText(c.label, lang, site).replaceAll(',', ' ')).join(','),
    group: '',
  };
}

export function serviceDefinition(form: Form, lang: Lang, site: SiteRecord): Open311ServiceDefinition {
  const mapping = mapForm(form);
  const text = (value: Partial<Record<Lang, string>> | undefined) => localizedText(value, lang, site);
  const attributes: Open311Attribute[] = mapping.attributes.map((field, i) => ({
    variable: true,
    code: field.key,
    datatype: DATATYPES[field.type],
    required: field.required,
    datatype_description: field.help ? text(field.help) : field.type === 'location' ? WORDS[lang].address : null,
    order: i + 1,
    description: text(field.label),
    values:
      field.type === 'consent'
        ? [{ key: 'true', name: WORDS[lang].yes }, { key: 'false', name: WORDS[lang].no }]
        : (field.options ?? []).map((option) => ({ key: option.id, name: text(option.label) })),
  }));
  if (mapping.category) {
    attributes.push({
      variable: true,
      code: 'category',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: null,
      order: attributes.length + 1,
      description: WORDS[lang].category,
      values: form.categories!.map((c) => ({ key: c.id, name: text(c.label) })),
    });
  }
  return { service_code: form.id, attributes };
}

/** A request's parameters: standard ones by name, attributes by code; every value as sent. */
export interface RequestParams {
  standard: Map<string, string[]>;
  attributes: Map<string, string[]>;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The `SubmissionInput` for a request, with an issue (named by the Open311 parameter) for
 * whatever cannot be carried over. The form's own rules are checked later, by `validateSubmission`.
 */
export function toSubmissionInput(form: Form, params: RequestParams): { input: SubmissionInput; issues: ErrorIssue[] } {
  const mapping = mapForm(form);
  const issues: ErrorIssue[] = [];
  const issue = (param: string, code: string, message: string) => issues.push({ path: [param], code, message });
  const one = (values: string[] | undefined, param: string): string | undefined => {
    if (values && values.length > 1) issue(param, 'repeated_parameter', 'Send this parameter once.');
    return values?.[0];
  };
  const standard = (name: string) => one(params.standard.get(name), name);
  const answers: Record<string, unknown> = {};
  const put = (field: FormField | undefined, value: unknown) => {
    if (field && value !== undefined) answers[field.key] = value;
  };

  const description = standard('description');
  if (mapping.description) put(mapping.description, description);
  else if (description?.trim()) issue('description', 'not_accepted', 'This service takes no description: send its attributes instead (see its service definition).');
  // Contact details and names go only where the form asks for them; otherwise they are dropped.
  put(mapping.email, standard('email'));
  put(mapping.phone, standard('phone'));
  const first = standard('first_name');
  const last = standard('last_name');
  put(mapping.firstName, first);
  put(mapping.lastName, last);
  if (mapping.fullName && (first?.trim() || last?.trim())) put(mapping.fullName, [first, last].map((n) => n?.trim()).filter(Boolean).join(' '));

  const lat = standard('lat')?.trim();
  const long = standard('long')?.trim();
  const address = standard('address_string')?.trim();
  if (mapping.location) {
    const place: { lat?: number; long?: number; address?: string } = {};
    if (lat || long) {
      for (const [name, value] of [['lat', lat], ['long', long]] as const) {
        if (value && !DECIMAL.test(value)) issue(name, 'invalid_number', `Give the ${name === 'lat' ? 'latitude' : 'longitude'} in decimal degrees, e.g. ${name === 'lat' ? '60.17' : '24.94'}.`);
      }
      place.lat = lat ? Number(lat) : undefined;
      place.long = long ? Number(long) : undefined;
    }
    if (address) {
      if (address.length > 300) issue('address_string', 'too_long', `Use at most 300 characters (now ${address.length}).`);
      place.address = address;
    }
    if (Object.keys(place).length) answers[mapping.location.key] = place;
  }

  let category: string | undefined;
  const attributeFields = new Map(mapping.attributes.map((field) => [field.key, field]));
  for (const [code, values] of params.attributes) {
    const param = `attribute[${code}]`;
    const field = attributeFields.get(code);
    if (!field) {
      if (code === 'category' && mapping.category) {
        category = one(values, param) || undefined;
        continue;
      }
      const mapped = form.fields.some((f) => f.key === code) ? paramFor(mapping, code) : null;
      issue(param, 'unknown_attribute', mapped ? `Send this as the "${mapped}" parameter, not as an attribute.` : 'This service has no such attribute (see its service definition).');
      continue;
    }
    if (field.type === 'multiChoice') {
      put(field, values.filter((v) => v !== ''));
      continue;
    }
    const value = one(values, param);
    if (value === undefined || value === '') continue;
    if (field.type === 'consent') put(field, value === 'true' ? true : value === 'false' ? false : value);
    else if (field.type === 'location') put(field, { address: value.trim() });
    else put(field, value);
  }

  const candidate = { answers, ...(category !== undefined ? { category } : {}) };
  const parsed = SubmissionInput.safeParse(candidate);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      const [root, key, part] = problem.path;
      const param = root === 'answers' && typeof key === 'string' ? paramFor(mapping, key, part as string | undefined) : root === 'category' ? 'attribute[category]' : String(root ?? 'body');
      issue(param, problem.code, problem.message);
    }
  }
  return { input: parsed.success ? parsed.data : (candidate as SubmissionInput), issues: firstPerParam(issues) };
}

/** `validateSubmission`'s issues (paths such as ["answers", key]) named by Open311 parameter. */
export function open311Issues(form: Form, issues: readonly ErrorIssue[]): ErrorIssue[] {
  const mapping = mapForm(form);
  return firstPerParam(
    issues.map((issue) => {
      const [root, key] = issue.path;
      if (root === 'answers' && typeof key === 'string') {
        const param = paramFor(mapping, key);
        const field = form.fields.find((f) => f.key === key);
        if (field?.type === 'location' && param === 'lat') {
          const message = issue.code === 'required' ? 'This service needs a location: send lat and long, or address_string.' : 'Give both lat (−90…90) and long (−180…180) in decimal degrees.';
          return { path: ['lat'], code: issue.code, message };
        }
        return { ...issue, path: [param] };
      }
      if (root === 'category') return { ...issue, path: ['attribute[category]'] };
      return { ...issue, path: [issue.path.join('.')] };
    }),
  );
}

function firstPerParam(issues: ErrorIssue[]): ErrorIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const param = String(issue.path[0]);
    if (seen.has(param)) return false;
    seen.add(param);
    return true;
  });
}
