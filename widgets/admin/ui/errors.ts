import { html, nothing } from 'lit';
import { ApiRequestError } from '../../core/api-client.ts';
import type { ErrorIssue } from '../../../worker/errors.ts';

/**
 * The console's words for the API's error codes (`{"error": {"code"}}`) and for its validation
 * issues' codes (zod's `too_small`, `too_big`, … and the API's own), in the console's language.
 */
export interface ErrorTexts {
  /** By the error's `code`: "Kysely on jo olemassa." */
  codes: Record<string, string>;
  /** By an issue's `code`, about one field; `{lang}` is the language the server's message names. */
  issues: Record<string, string>;
  /** The words for a field's path's first key ("question" → "Kysymys"). */
  fields: Record<string, string>;
  /** "Kysymys (ruotsi): Teksti on liian pitkä." */
  about: (field: string, message: string) => string;
}

/** A message and, when it is the server's English text rather than the console's own words, its language. */
export interface Said {
  text: string;
  lang?: 'en';
}

/**
 * What an error means in the console's language: an API refusal by its `code` (the server's
 * English message only when the code has no words here, marked `lang: 'en'`); anything else
 * (network, timeout) as `fallback` says, which the caller words (`this.errorMessage(…)`).
 */
export function explainError(error: unknown, texts: ErrorTexts, fallback: string): Said {
  if (!(error instanceof ApiRequestError) || error.status === 429) return { text: fallback };
  const own = texts.codes[error.code];
  if (own) return { text: own };
  if (error.status >= 500) return { text: fallback };
  return { text: error.message, lang: 'en' };
}

/**
 * One validation issue (or an error code placed at a field) in the console's language, named by
 * its field when `named` (the path's first key has words here); the server's English text (marked) when its code has none.
 * `languageName` words a language code in a path (`question.sv` → "ruotsi").
 */
export function explainIssue(issue: ErrorIssue, texts: ErrorTexts, languageName?: (lang: string) => string, named = true): Said {
  const found = texts.issues[issue.code] ?? texts.codes[issue.code];
  if (!found) return { text: issue.message, lang: 'en' };
  // A language the message names ("… default language (fi)") fills `{lang}`.
  const inMessage = /\((fi|sv|en)\)/.exec(issue.message)?.[1];
  const own = found.replace('{lang}', inMessage ? (languageName?.(inMessage) ?? inMessage) : '').replace(' ()', '');
  const [first, ...rest] = issue.path.map(String);
  const field = first !== undefined ? texts.fields[first] : undefined;
  if (!named || !field) return { text: own };
  const lang = rest.find((part) => /^(fi|sv|en)$/.test(part));
  const position = rest.find((part) => /^\d+$/.test(part));
  const name = [field, position !== undefined ? String(Number(position) + 1) : '', lang && languageName ? `(${languageName(lang)})` : ''].filter(Boolean).join(' ');
  return { text: texts.about(name, own) };
}

/** What a status line says: a plain sentence, an explained error, or a sentence with content in its own language (`withContent`). */
export type StatusMessage = Said | string | unknown[];

/** A `StatusMessage` as inline text, `lang="en"` on the server's own words. */
export function said(message: StatusMessage | undefined) {
  if (!message || (Array.isArray(message) && !message.length)) return nothing;
  if (typeof message === 'string' || Array.isArray(message)) return message;
  return message.lang ? html`<span lang=${message.lang}>${message.text}</span>` : message.text;
}

/**
 * `wrap(message)` ("Ei tallennettu: …") with the message's part marked `lang="en"` when it is the
 * server's English text; plain text when the message is in the console's words.
 */
export function saidWithin(wrap: (message: string) => string, message: Said) {
  if (!message.lang) return wrap(message.text);
  const [before = '', after = ''] = wrap('\u0000').split('\u0000');
  return html`${before}<span lang=${message.lang}>${message.text}</span>${after}`;
}
