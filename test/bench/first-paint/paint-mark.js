// Marks the first frame in which the page's poll shows its options: window.__firstPaint, in ms
// from the start of navigation, also said on the console, which the bench listens to without
// running a script of its own in the page while it loads. External, as the demo's strict CSP
// allows no inline script.
(function watch() {
  const poll = document.querySelector('[data-bench-poll]');
  if (poll?.shadowRoot?.querySelector('input[type="radio"]')) {
    window.__firstPaint = performance.now();
    console.log(`osallistu-first-paint ${window.__firstPaint}`);
  } else requestAnimationFrame(watch);
})();
