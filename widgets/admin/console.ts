/**
 * The officials' console's entry, loaded only by the /admin page (never by the public loader).
 * It shares no module with the loader, so the loader stays one file: the console's API is the
 * host this script came from.
 */
for (const element of document.querySelectorAll('osallistu-admin')) {
  if (!element.hasAttribute('api')) element.setAttribute('api', new URL(import.meta.url).origin);
}
void import('./osallistu-admin.ts');
