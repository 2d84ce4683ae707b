/**
 * Runs in every frame page (`/embed/v1/frame/…`, loaded as `/embed/v1/frame.js`): tells the
 * embedding page how tall the content is, whenever that changes, so the iframe can fit it.
 *
 * - Always `{ type: 'osallistu:height', height, href }`, which `/embed/v1/resizer.js` applies on
 *   any host page (widgets/frame/resizer.ts).
 * - WordPress's own protocol when the URL ends in `#?secret=…` (WordPress adds it to oEmbed
 *   iframes of providers it does not know): `{ message: 'height', value, secret }`, and again on
 *   its `{ message: 'ready', secret }`. WordPress shows the iframe only after such a message.
 *
 * Works in `<iframe sandbox="allow-scripts">`: it needs no storage and no same-origin access.
 */
const secret = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1];
const root = document.documentElement;
let sent = -1;

function report(again = false): void {
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === sent && !again) return;
  sent = height;
  if (secret) parent.postMessage({ message: 'height', value: height, secret }, '*');
  parent.postMessage({ type: 'osallistu:height', height, href: location.href }, '*');
}

if (parent !== window) {
  new ResizeObserver(() => report()).observe(root);
  // WordPress clips its embed until the first message, and Chromium gives a hidden cross-origin
  // frame no rendering updates (so no ResizeObserver callback): report on load too.
  addEventListener('load', () => report(true));
  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { message?: unknown; secret?: unknown } | null;
    if (event.source === parent && secret && data?.message === 'ready' && data.secret === secret) report(true);
  });
}

export {};
