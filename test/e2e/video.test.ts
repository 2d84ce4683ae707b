import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../scripts/lib/wrangler.ts';
import { axeViolations, chromiumForFile, watchProblems } from '../support/browser.ts';

const server = inject('devServer');
const chrome = chromiumForFile();

/** Every request the page makes to a host other than the demo's; those hosts get an empty stand-in (no internet here). */
async function watchOtherHosts(page: Page): Promise<string[]> {
  const elsewhere: string[] = [];
  const own = new URL(server.url).host;
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === own) return route.continue();
    elsewhere.push(url.href);
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Player</title>' });
  });
  return elsewhere;
}

describe('the mayor\'s video blog on the demo site', () => {
  it('"Pormestarin videoblogi": seeded episodes newest first, the newest plays from the city\'s own file with captions, nothing from elsewhere, axe-clean under the strict CSP', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const elsewhere = await watchOtherHosts(page);
    await page.goto(`${server.url}/videoblogi/`);
    const blog = page.locator('osallistu-video-blog');
    await expect.poll(() => blog.locator('.episode').count(), { timeout: 15_000 }).toBe(6);
    expect(await blog.locator('.episode [role="heading"]').first().textContent()).toBe('Marraskuu: talousarvio hyväksyttiin');
    // The uploaded poster is served by Osallistu itself.
    expect(new URL((await blog.locator('.episode img').first().getAttribute('src'))!).pathname).toBe('/api/v1/sites/koivulahti/videos/vlogi-2026-11/poster');
    expect(await axeViolations(page)).toEqual([]);

    await blog.getByRole('button', { name: /^Katso\s*:?\s*Marraskuu: talousarvio hyväksyttiin/ }).click();
    const video = blog.locator('osallistu-video video');
    await expect.poll(() => video.count()).toBe(1);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => [new URL(v.src).pathname, Math.round(v.duration)])).toEqual(['/media/vlogi-marraskuu.mp4', 12]);
    expect(await video.locator('track').evaluateAll((tracks) => tracks.map((t) => [(t as HTMLTrackElement).srclang, (t as HTMLTrackElement).default]))).toEqual([
      ['fi', true],
      ['sv', false],
      ['en', false],
    ]);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.cues?.length ?? 0)).toBe(3);
    const transcript = blog.locator('osallistu-video details.transcript');
    await transcript.locator('summary').click();
    expect(await transcript.textContent()).toContain('Valtuusto hyväksyi ensi vuoden talousarvion.');
    await blog.locator('osallistu-video').getByRole('button', { name: /Talousarvio/ }).click();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThanOrEqual(4);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(`${ROOT}/test-results`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-results/demo-video.png`, fullPage: true });
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a YouTube episode: nothing reaches YouTube until the resident agrees; then only the no-cookie player; the choice remembered per provider', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const elsewhere = await watchOtherHosts(page);
    await page.goto(`${server.url}/sv/videoblogg/`);
    const blog = page.locator('osallistu-video-blog');
    await expect.poll(() => blog.locator('.episode').count(), { timeout: 15_000 }).toBe(6);
    const episode = blog.locator('.episode', { hasText: 'September: skolorna började i nya lokaler' });
    await episode.getByRole('button', { name: /^Titta/ }).click();
    const consent = episode.locator('osallistu-video .consent');
    await expect.poll(() => consent.count()).toBe(1);
    expect(await consent.textContent()).toContain('Videon spelas upp från YouTube');
    expect(await axeViolations(page)).toEqual([]);
    expect(elsewhere).toEqual([]);
    await consent.getByLabel('Fråga inte igen för videor från YouTube').check();
    await consent.getByRole('button', { name: 'Spela upp videon' }).click();
    const frame = episode.locator('osallistu-video iframe');
    await expect.poll(() => frame.count()).toBe(1);
    expect(await frame.getAttribute('src')).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ\?.*hl=sv/);
    await expect.poll(() => elsewhere.length).toBeGreaterThan(0);
    expect(new Set(elsewhere.map((url) => new URL(url).host))).toEqual(new Set(['www.youtube-nocookie.com']));
    // Frame-src in the demo's CSP lets the no-cookie player in.
    expect(problems).toEqual([]);

    // Another YouTube episode now plays without asking; a Vimeo one still asks.
    await page.reload();
    await expect.poll(() => blog.locator('.episode').count(), { timeout: 15_000 }).toBe(6);
    await blog.locator('.episode', { hasText: 'Maj: parker och lekplatser' }).getByRole('button', { name: /^Titta/ }).click();
    await expect.poll(() => blog.locator('osallistu-video iframe').count()).toBe(1);
    await blog.locator('.episode', { hasText: 'Augusti: sommarens gatuarbeten är klara' }).getByRole('button', { name: /^Titta/ }).click();
    await expect.poll(() => blog.locator('osallistu-video .consent').count()).toBe(1);
    expect(await blog.locator('osallistu-video .consent').textContent()).toContain('Vimeo');
    await page.close();
  });

  it('"show more" lists the older episodes; "ask the mayor" opens the feedback form with the video named, and the submission carries it', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/videoblogi/`);
    const blog = page.locator('osallistu-video-blog');
    await expect.poll(() => blog.locator('.episode').count(), { timeout: 15_000 }).toBe(6);
    await blog.getByRole('button', { name: 'Näytä lisää jaksoja' }).click();
    await expect.poll(() => blog.locator('.episode').count()).toBe(8);

    await blog.getByRole('button', { name: /^Katso\s*:?\s*Lokakuu: asukasillat kaikissa kaupunginosissa/ }).click();
    const video = blog.locator('osallistu-video');
    await video.getByRole('button', { name: 'Kysy tai anna palautetta videosta' }).click();
    const form = video.locator('osallistu-feedback');
    await expect.poll(() => form.locator('textarea').count(), { timeout: 15_000 }).toBe(1);
    expect(await form.getAttribute('video')).toBe('vlogi-2026-10');
    await form.getByLabel('Palautteesi').fill('Milloin asukasiltojen muistiot julkaistaan?');
    await form.getByRole('button', { name: 'Lähetä palaute' }).click();
    const ref = (await form.locator('.ref').textContent({ timeout: 15_000 }))!;
    expect(ref).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    expect(await axeViolations(page)).toEqual([]);
    const list = await fetch(`${server.url}/api/v1/sites/koivulahti/submissions?form=palaute`, { headers: { Authorization: `Bearer ${server.token}` } });
    const items = ((await list.json()) as { items: { ref: string; context?: { video?: string; subject?: string } }[] }).items;
    expect(items.find((s) => s.ref === ref)?.context).toMatchObject({ video: 'vlogi-2026-10', subject: 'Lokakuu: asukasillat kaikissa kaupunginosissa' });
    await page.close();
  });

  it('stands alone in a frame for CMSs that strip scripts: a video and the blog, in the asked language, under their own CSP', async () => {
    const page = await chrome.browser.newPage();
    const problems = watchProblems(page);
    const elsewhere = await watchOtherHosts(page);
    const response = await page.goto(`${server.url}/embed/v1/frame/video/vlogi-2026-11?site=koivulahti&lang=sv`);
    expect(response?.headers()['content-security-policy']).toContain('frame-src https:');
    expect(await page.title()).toBe('Video – Björkviks stad');
    const video = page.locator('osallistu-video');
    await expect.poll(() => video.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toBe('November: budgeten godkändes');
    await video.getByRole('button', { name: /^Spela upp video: November/ }).click();
    await expect.poll(() => video.locator('video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/embed/v1/frame/video-blog/pormestari?site=koivulahti`);
    expect(await page.title()).toBe('Videoblogi – Koivulahden kaupunki');
    await expect.poll(() => page.locator('osallistu-video-blog .episode').count(), { timeout: 15_000 }).toBe(6);
    expect(await axeViolations(page)).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
