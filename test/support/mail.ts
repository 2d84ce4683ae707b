/**
 * Mail as \`wrangler dev\`'s send_email binding leaves it: each message it is given is written to
 * .wrangler/tmp/email/<session>/email/<message id>.eml instead of being delivered. Read as a mail
 * client would.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/wrangler.ts';

const EMAIL_DIR = join(ROOT, '.wrangler', 'tmp', 'email');

/** Every .eml file the dev servers of this checkout wrote (any session), by path. */
export function emlFiles(): string[] {
  let sessions: string[];
  try {
    sessions = readdirSync(EMAIL_DIR);
  } catch {
    return [];
  }
  return sessions.flatMap((session) => {
    try {
      return readdirSync(join(EMAIL_DIR, session, 'email'))
        .filter((name) => name.endsWith('.eml'))
        .map((name) => join(EMAIL_DIR, session, 'email', name));
    } catch {
      return [];
    }
  });
}

/** A message file as a mail client reads it: unfolded headers, and its parts decoded. */
export function readMessage(file: string) {
  const raw = readFileSync(file, 'utf8');
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head!.replace(/\r\n[ \t]/g, ' ').split('\r\n')) headers.set(line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim());
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type')!)![1]!;
  const parts = rest
    .join('\r\n\r\n')
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead, body] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      return { type: /Content-Type: ([^;]+)/.exec(partHead!)![1]!, text: Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8') };
    });
  return { headers, parts };
}

export const words = (value: string) => value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?B\?([^?]+)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
