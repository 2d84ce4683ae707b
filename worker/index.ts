import { HTTPException } from 'hono/http-exception';
import { createApp } from './app.ts';
import { purgeExpiredContacts } from './db/forms.ts';
import { purgeAnswers } from './db/idempotency.ts';
import { edgeCache } from './edge-cache/index.ts';
import { ApiError } from './errors.ts';
import { openCors, siteCors } from './middleware/cors.ts';
import { d1Session } from './middleware/d1-session.ts';
import { holdBody, requestBody } from './middleware/request-body.ts';
import { tenant } from './middleware/tenant.ts';
import { open311Headers } from './open311/http.ts';
import admin from './routes/admin.ts';
import audit from './routes/audit.ts';
import cases from './routes/cases.ts';
import { deliverCaseNotices } from './cases/notify.ts';
import { purgeOldSubscriptions } from './db/cases.ts';
import catalogue from './routes/catalogue.ts';
import decisionFeed from './routes/decision-feed.ts';
import decisionImport, { IMPORT_BODY, IMPORT_PATH } from './routes/decision-import.ts';
import decisions from './routes/decisions.ts';
import decisionTerms from './routes/decision-terms.ts';
import bench, { countBenchQueries } from './routes/bench.ts';
import formExport from './routes/form-export.ts';
import forms from './routes/forms.ts';
import frames from './frames/index.ts';
import oembed from './frames/oembed.ts';
import health from './routes/health.ts';
import moderation from './routes/moderation.ts';
import open311 from './routes/open311.ts';
import pollExport from './routes/poll-export.ts';
import pollRanking from './routes/poll-ranking.ts';
import seals from './routes/seals.ts';
import statements from './routes/statements.ts';
import listening from './routes/listening.ts';
import { SEAL_CRON, sealDuePolls } from './sealing/upkeep.ts';
import polls from './routes/polls.ts';
import sites from './routes/sites.ts';
import tokens from './routes/tokens.ts';
import videoMedia, { CAPTIONS_BODY, CAPTIONS_PATH, POSTER_BODY, POSTER_PATH } from './routes/video-media.ts';
import videos, { VIDEO_WRITE_BODY, VIDEO_WRITE_PATH } from './routes/videos.ts';

const app = createApp();

app.use('*', d1Session());
app.use('*', countBenchQueries);

app.use('/api/*', async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  // What an official reads with a token is never kept by a browser or the edge, whatever the route says for the public.
  if (c.req.header('Authorization')) c.header('Cache-Control', 'private, no-store');
  else if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
});
const writeBody = requestBody({ maxBytes: 64 * 1024 });
// The decision import takes a large body, JSON or NDJSON, read as a stream (routes/decision-import.ts);
// a video's poster and captions are uploaded as the image or the WebVTT file itself
// (routes/video-media.ts); a video's JSON may carry long transcripts (routes/videos.ts).
const importBody = requestBody(IMPORT_BODY);
const posterBody = requestBody(POSTER_BODY);
const captionsBody = requestBody(CAPTIONS_BODY);
const videoBody = requestBody(VIDEO_WRITE_BODY);
app.use('/api/*', (c, next) => {
  const { method, path } = c.req;
  if (method === 'POST' && IMPORT_PATH.test(path)) return importBody(c, next);
  if (method === 'PUT' && POSTER_PATH.test(path)) return posterBody(c, next);
  if (method === 'PUT' && CAPTIONS_PATH.test(path)) return captionsBody(c, next);
  if ((method === 'POST' || method === 'PATCH') && VIDEO_WRITE_PATH.test(path)) return videoBody(c, next);
  return writeBody(c, next);
});
app.use('/api/v1/health', openCors());
app.use('/api/openapi.json', openCors());
app.use('/api/v1/sites/:site/*', tenant(), siteCors(), edgeCache());
app.use('/open311/*', open311Headers());

app.route('/api/v1', health);
app.route('/api/v1', sites);
app.route('/api/v1', tokens);
app.route('/api/v1', audit);
app.route('/api/v1', catalogue);
app.route('/api/v1', polls);
app.route('/api/v1', pollExport);
app.route('/api/v1', pollRanking);
app.route('/api/v1', statements);
app.route('/api/v1', seals);
app.route('/api/v1', forms);
app.route('/api/v1', formExport);
app.route('/api/v1', moderation);
app.route('/api/v1', listening);
app.route('/api/v1', decisionFeed);
app.route('/api/v1', decisions);
app.route('/api/v1', decisionImport);
app.route('/api/v1', decisionTerms);
app.route('/api/v1', cases);
app.route('/api/v1', videos);
app.route('/api/v1', videoMedia);
app.route('/__bench', bench);
app.route('/embed/v1/frame', frames);
app.route('/embed/v1/oembed', oembed);
app.route('/admin', admin);
app.route('/open311', open311);

app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'An official\'s token, scoped to one site. `npm run site:create` prints the first one.',
});
app.doc31('/api/openapi.json', (c) => ({
  openapi: '3.1.0',
  info: {
    title: 'Osallistu API',
    version: c.env.VERSION,
    description:
      'Participation widgets for municipal websites. Errors are always `{"error": {"code", "message", "issues"?}}` with a 4xx status. ' +
      'Anonymous public reads may be answered from the edge cache (`X-Osallistu-Cache: hit | miss`; `Cache-Control: no-cache` on the request skips it); every change an official makes leaves the cached copies behind. ' +
      'Every answer carries `X-D1-Bookmark` (D1 Sessions API); send it back to read at least as far as that answer.',
  },
  servers: [{ url: new URL(c.req.url).origin }],
}));

app.notFound((c) => {
  const error = new ApiError(404, 'not_found', `Nothing answers ${c.req.method} ${new URL(c.req.url).pathname}. See /api/openapi.json for the API.`);
  return c.json(error.toJSON(), 404);
});

app.onError((err, c) => {
  if (err instanceof ApiError) return c.json(err.toJSON(), err.status, err.headers);
  if (err instanceof HTTPException && err.status < 500) {
    const malformed = /malformed json/i.test(err.message);
    const error = new ApiError(
      err.status as ApiError['status'],
      malformed ? 'malformed_json' : 'bad_request',
      malformed ? 'The body is not valid JSON.' : err.message || 'The request could not be read.',
    );
    return c.json(error.toJSON(), error.status);
  }
  console.error('Unhandled error', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } }, 500);
});

/**
 * Upkeep (crons in wrangler.toml). Daily: idempotency answers are kept a day, enough for any
 * retry; contact details in feedback as long as each site's retention period says. Hourly: the
 * results of polls that closed by their closing time are sealed (worker/sealing/upkeep.ts), decision
 * emails that could not go at once are sent, and addresses waiting for a decision past the site's
 * retention period are deleted (worker/cases/).
 */
async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  if (controller.cron === SEAL_CRON) {
    // Three jobs that do not wait on each other: one failing leaves the others done.
    const [seals, mail, expired] = await Promise.allSettled([sealDuePolls(env), deliverCaseNotices(env), purgeOldSubscriptions(env.DB, new Date().toISOString())]);
    if (seals.status === 'fulfilled') console.info(`Hourly upkeep: ${seals.value.sealed} closed polls' results sealed, ${seals.value.failed} to try again`);
    if (mail.status === 'fulfilled') console.info(`Hourly upkeep: ${mail.value.sent} decision emails sent, ${mail.value.failed} failed`);
    if (expired.status === 'fulfilled') console.info(`Hourly upkeep: ${expired.value} addresses waiting for a decision past their site's retention removed`);
    const failures = [seals, mail, expired].filter((job): job is PromiseRejectedResult => job.status === 'rejected');
    if (failures.length) throw new AggregateError(failures.map((job) => job.reason), 'Hourly upkeep: a job failed; the next hour tries again');
    return;
  }
  const now = new Date();
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const answers = await purgeAnswers(env.DB, dayAgo);
  const contacts = await purgeExpiredContacts(env.DB, now.toISOString());
  console.info(`Daily upkeep: ${answers} idempotency answers and ${contacts} submissions' contact details removed`);
}

/** The app, and then the rest of any body it answered before reading it all (see holdBody). */
async function fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const held = holdBody(request);
  const response = await app.fetch(held.request, env, ctx);
  await held.finish();
  return response;
}

export default { fetch, scheduled } satisfies ExportedHandler<Env>;
export { app };
// The Durable Object classes this Worker defines (wrangler.toml [[durable_objects.bindings]]).
export { PollCounter } from './poll-counter/index.ts';
