import { Hono } from 'hono';
import type { AppEnv } from '../types.ts';

/** oEmbed 1.0 for the frame pages: GET /embed/v1/oembed?url=…&format=json. */
const app = new Hono<AppEnv>();

export default app;
