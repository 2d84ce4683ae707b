/** The evaluation set read in Node (the demo's seed and the bench); workerd's tests import the JSON files themselves. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATION_FILES } from './labelled.ts';
import type { Labelled } from './labelled.ts';

export type { Labelled, Theme } from './labelled.ts';

/** Every text of the set, in file order, as written (trimmed). */
export function evaluationSet(): Labelled[] {
  return EVALUATION_FILES.flatMap((f) => JSON.parse(readFileSync(join(import.meta.dirname, `${f}.json`), 'utf8')) as Labelled[]).map((t) => ({ ...t, text: t.text.trim() }));
}
