import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves one HTML page from its own origin (localhost on a free port), standing in for a
 * municipality's CMS page that embeds the widgets from the Osallistu host.
 */
export async function serveHostPage(html: string, contentSecurityPolicy?: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (contentSecurityPolicy) res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
