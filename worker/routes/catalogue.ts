import { createApp } from '../app.ts';

/** GET /sites/{site}/catalogue: what a CMS block may embed (published items only). */
const app = createApp();

export default app;
