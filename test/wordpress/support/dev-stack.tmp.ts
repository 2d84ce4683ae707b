// TEMPORARY debugging harness (not committed)
import { writeFileSync } from 'node:fs';
import { freePort } from '../../support/free-port.ts';
import setup from '../setup.ts';
process.env.OSALLISTU_TEST_PORT = String(await freePort());
let provided: unknown;
const project = { provide: (_k: string, v: unknown) => { provided = v; } } as never;
const stop = await setup(project);
writeFileSync('/tmp/wpa/context.json', JSON.stringify(provided));
console.log('READY', JSON.stringify(provided));
process.on('SIGTERM', async () => { await stop(); process.exit(0); });
process.on('SIGINT', async () => { await stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
