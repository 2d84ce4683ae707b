import { existsSync } from 'node:fs';

/** Chromium for the browser and end-to-end suites: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      [
        `No Chromium at ${path}. The widget and end-to-end suites run in a real browser and never skip.`,
        'Install it with:   sudo apt-get install -y chromium',
        'or point CHROME_PATH at a Chromium or Chrome binary:   CHROME_PATH=/path/to/chrome npm test',
      ].join('\n'),
    );
  }
  return path;
}

/** Flags for a sandboxed, offline machine: no background calls home, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
