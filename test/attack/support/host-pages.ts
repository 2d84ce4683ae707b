import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A municipality's pages on an origin of their own (localhost on a free port): each path in
 * `pages` answers its HTML, set after the server is up (the pages name content seeded later).
 */
export async function serveHostPages(): Promise<{ origin: string; pages: Map<string, string>; close(): Promise<void> }> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
