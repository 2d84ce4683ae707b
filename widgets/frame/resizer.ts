/**
 * The host-page script for frames: `<script src="https://OSALLISTU_HOST/embed/v1/resizer.js" async></script>`
 * once on a page that has `<iframe src="https://OSALLISTU_HOST/embed/v1/frame/…">` elements makes
 * each of them as tall as its content, as the content changes (widgets/frame/frame.ts reports it).
 *
 * It trusts a message only from an iframe on the page whose `src` is on this script's own origin,
 * and only when the message comes from that iframe's own window (`event.source`) with the
 * script's origin, or `"null"` for a sandboxed frame (whose origin is opaque: then the window is
 * the match). It sets the height through CSSOM, which a strict Content-Security-Policy allows.
 * Works as a classic or a module script.
 */
// In a function, so that as a classic script it adds no globals to the host page.
(() => {
  const script = (document.currentScript ?? document.querySelector('script[src*="/embed/v1/resizer.js"]')) as HTMLScriptElement | null;
  const home = script ? new URL(script.src, location.href).origin : location.origin;

  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (data?.type !== 'osallistu:height' || typeof data.height !== 'number' || !(data.height >= 0)) return;
    if (event.origin !== home && event.origin !== 'null') return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow !== event.source || new URL(frame.src, location.href).origin !== home) continue;
      frame.style.height = `${Math.min(Math.ceil(data.height), 20000)}px`;
    }
  });
})();

export {};
