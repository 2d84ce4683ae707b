import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', vtt: 'text/vtt' };

/**
 * Serves the demo's media files (demo/site/media) at /media/ from the browser suite's own Vite
 * server, as `wrangler dev` serves them to the demo page: the video widget's `file` videos are
 * paths on the page's host.
 */
export function demoMedia(): Plugin {
  return {
    name: 'osallistu-demo-media',
    configureServer(server) {
      server.middlewares.use('/media', (req, res) => {
        const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
        const type = TYPES[name.split('.').pop() ?? ''];
        if (!/^[\w-]+\.\w+$/.test(name) || !type) {
          res.statusCode = 404;
          return res.end();
        }
        readFile(new URL(`../../demo/site/media/${name}`, import.meta.url)).then(
          (bytes) => {
            res.setHeader('Content-Type', type);
            res.end(bytes);
          },
          () => {
            res.statusCode = 404;
            res.end();
          },
        );
      });
    },
  };
}
