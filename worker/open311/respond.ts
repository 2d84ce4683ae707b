/**
 * Open311 answers in the format the path's extension asks for. The XML mirrors the JSON
 * element for element, with the specification's names for list items (`<services><service>`,
 * `<service_requests><request>`, `<errors><error>`, `<attributes><attribute>`, `<values><value>`).
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, ValidationError } from '../errors.ts';
import type { Format, Open311Error } from '../schema/open311.ts';
import type { AppEnv } from '../types.ts';
import { xmlDocument } from './xml.ts';
import type { XmlNode } from './xml.ts';

const ITEM: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
};

/** A JSON value as XML: objects become child elements, arrays repeat their list's item element. */
export function toXml(name: string, value: unknown): XmlNode {
  if (Array.isArray(value)) return [name, value.map((item) => toXml(ITEM[name] ?? 'item', item))];
  if (value !== null && typeof value === 'object') return [name, Object.entries(value).map(([key, item]) => toXml(key, item))];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [name, value];
  return [name, null];
}

/** The format a path asks for: `.xml` gives XML, anything else JSON. */
export function formatOf(path: string): Format {
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/** `body` as JSON, or as XML under the element `root` (the list name for an array). */
export function respond(c: Context<AppEnv>, format: Format, status: ContentfulStatusCode, root: string, body: unknown, headers: Record<string, string> = {}): Response {
  if (format === 'xml') {
    return c.body(xmlDocument(toXml(root, body)), status, { ...headers, 'Content-Type': 'application/xml; charset=UTF-8' });
  }
  return c.json(body, status, headers);
}

/** What an error becomes: its status, one Open311 error per problem, and headers to keep. */
export function open311Errors(error: unknown): { status: ContentfulStatusCode; errors: Open311Error[]; headers: Record<string, string> } {
  if (error instanceof ValidationError && error.issues?.length) {
    return {
      status: 400,
      errors: error.issues.map((issue) => ({ code: 400, description: `${issue.path.length ? `${issue.path[0]}: ` : ''}${issue.message}` })),
      headers: {},
    };
  }
  if (error instanceof ApiError) return { status: error.status, errors: [{ code: error.status, description: error.message }], headers: error.headers ?? {} };
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    return { status, errors: [{ code: status, description: error.message || 'The request could not be read.' }], headers: {} };
  }
  return { status: 500, errors: [{ code: 500, description: 'Something went wrong on our side. Please try again.' }], headers: {} };
}

/** The Open311 sub-app's error handler: `[{"code", "description"}]`, or `<errors>` for .xml paths. */
export const open311OnError: ErrorHandler<AppEnv> = (error, c) => {
  const { status, errors, headers } = open311Errors(error);
  if (status >= 500) console.error('Unhandled error', c.req.method, c.req.path, error);
  return respond(c, formatOf(c.req.path), status, 'errors', errors, { ...headers, 'Cache-Control': 'no-store' });
};
