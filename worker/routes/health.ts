import { createRoute, z } from '@hono/zod-openapi';
import { createApp } from '../app.ts';

const app = createApp();

app.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['Service'],
    summary: 'Is the service up',
    responses: {
      200: {
        description: 'The service answers',
        content: { 'application/json': { schema: z.object({ ok: z.literal(true), version: z.string() }).openapi('Health') } },
      },
    },
  }),
  (c) => c.json({ ok: true as const, version: c.env.VERSION }, 200, { 'Cache-Control': 'no-store' }),
);

export default app;
