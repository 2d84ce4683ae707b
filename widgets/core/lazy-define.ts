/** Tag name → the import that defines it. */
export type ElementRegistry = Record<string, () => Promise<unknown>>;

/**
 * Imports an element's module only once that element is in the document, now or later (a CMS
 * may add it with its own scripts); `starting(tag)` runs just after the import has begun, to start
 * what the module will need. Returns a function that stops watching.
 */
export function defineLazily(registry: ElementRegistry, root: Document = document, starting?: (tag: string) => void): () => void {
  const pending = new Map(Object.entries(registry).filter(([tag]) => !customElements.get(tag)));

  const load = (tag: string) => {
    const importer = pending.get(tag);
    if (!importer) return;
    pending.delete(tag);
    const loading = importer();
    starting?.(tag);
    loading.catch((error: unknown) => {
      pending.set(tag, importer); // let a later insertion try again
      console.error(`Osallistu: could not load <${tag}>`, error);
    });
  };

  const scan = (node: Element | Document) => {
    for (const tag of [...pending.keys()]) {
      if ((node instanceof Element && node.localName === tag) || node.querySelector(tag)) load(tag);
    }
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  scan(root);
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
