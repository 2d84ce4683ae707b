/**
 * Rewrites the repository's copy of the TypeScript declarations (`types/*.d.ts`) from the
 * widgets' JSDoc, as the build serves them: run it after changing a widget's attributes, events
 * or JSDoc (`node scripts/build/write-types.ts`), and commit the result.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/wrangler.ts';
import { embedFiles } from './cem/outputs.ts';

for (const [name, text] of Object.entries(embedFiles(ROOT))) {
  if (!name.endsWith('.d.ts')) continue;
  writeFileSync(join(ROOT, 'types', name), text);
  console.log(`types/${name}`);
}
