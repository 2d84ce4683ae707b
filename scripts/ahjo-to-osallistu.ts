/**
 * npx node scripts/ahjo-to-osallistu.ts EXPORT.json > decisions.ndjson
 * Reads an Ahjo-style export (an Ahjo API answer {"decisions": [...]} or a bare array of decision
 * records) and writes the decision import's NDJSON to stdout, one decision per line, its Finnish
 * and Swedish versions merged. The mapping is scripts/lib/ahjo.ts; docs/importing-decisions.md
 * explains it and how to send the result.
 */
import { readFileSync } from 'node:fs';
import { ahjoRecords, ahjoToImport, toNdjson } from './lib/ahjo.ts';

const file = process.argv[2];
if (!file || file === '--help' || file === '-h') {
  console.error('Usage: npx node scripts/ahjo-to-osallistu.ts EXPORT.json > decisions.ndjson');
  process.exit(file ? 0 : 2);
}
try {
  const records = ahjoRecords(JSON.parse(readFileSync(file, 'utf8')));
  const decisions = ahjoToImport(records);
  process.stdout.write(toNdjson(decisions));
  console.error(`${records.length} Ahjo records → ${decisions.length} decisions`);
} catch (error) {
  console.error(`Cannot convert ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
