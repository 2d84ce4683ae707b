/**
 * What the last `npm start` left behind, so the next one does only what changed: the widgets are
 * built again only when a file they are built from changed, migrations applied only when one was
 * added or edited, and the demo site and content seeded only when their definitions changed. The
 * demo owner token is kept beside the local database it opens (in `.wrangler/state`, which git
 * ignores), and used again while the database still takes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './wrangler.ts';

export interface StartState {
  /** Fingerprints of what was built, migrated and seeded. */
  widgets: string;
  migrations: string;
  seed: string;
  /** The demo owner token and the site's origins the last seeding printed. */
  token: string;
  origins: string[];
}

/** Where the state lives: beside the local database (wrangler's `--persist-to`, default `.wrangler/state`). */
export const stateDir = (persistTo?: string) => persistTo ?? join(ROOT, '.wrangler', 'state');
const stateFile = (persistTo?: string) => join(stateDir(persistTo), 'osallistu-start.json');

function files(dir: string, skip: (path: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !skip(path))
    .sort();
}

const hash = (parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

/** Names, sizes and times of the files the widgets and demo pages are built from: no file is read. */
function widgetsFingerprint(): string {
  const inputs = [
    ...files(join(ROOT, 'widgets'), (p) => p.endsWith('.test.ts')),
    ...files(join(ROOT, 'demo'), (p) => p.includes(join('demo', 'seed'))),
    ...files(join(ROOT, 'scripts', 'build')),
    join(ROOT, 'vite.config.ts'),
    join(ROOT, 'package-lock.json'),
  ];
  return hash(inputs.filter(existsSync).map((path) => {
    const { size, mtimeMs } = statSync(path);
    return `${relative(ROOT, path)}:${size}:${mtimeMs}`;
  }));
}

/** Contents of the files a step depends on (small files: migrations, seed definitions). */
const contentFingerprint = (paths: string[]) => hash(paths.map((path) => `${relative(ROOT, path)}\n${readFileSync(path, 'utf8')}`));

export function currentFingerprints(): Pick<StartState, 'widgets' | 'migrations' | 'seed'> {
  return {
    widgets: widgetsFingerprint(),
    migrations: contentFingerprint(files(join(ROOT, 'migrations'))),
    seed: contentFingerprint([...files(join(ROOT, 'demo', 'seed')), join(ROOT, 'scripts', 'lib', 'seed.ts'), join(ROOT, 'scripts', 'lib', 'sites.ts'), ...files(join(ROOT, 'test', 'listening'))]),
  };
}

/** Whether a local D1 database is there at all (deleting `.wrangler` starts over). */
export function hasLocalDatabase(persistTo?: string): boolean {
  const dir = join(stateDir(persistTo), 'v3', 'd1', 'miniflare-D1DatabaseObject');
  return existsSync(dir) && readdirSync(dir).some((f) => /^[0-9a-f]{64}\.sqlite$/.test(f));
}

export function readStartState(persistTo?: string): Partial<StartState> {
  try {
    return JSON.parse(readFileSync(stateFile(persistTo), 'utf8')) as Partial<StartState>;
  } catch {
    return {};
  }
}

export function writeStartState(state: StartState, persistTo?: string): void {
  // Only this user may read it: it holds an owner token for the local database.
  writeFileSync(stateFile(persistTo), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}
