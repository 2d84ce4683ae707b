/**
 * The decision body as DOM nodes, rebuilt from an allowlist. The server already renders the
 * Markdown safely; this is the second lock, so the widget never trusts a string as markup: only
 * these elements are copied, with no attributes but a checked `href`, and the body's headings
 * take the levels below the decision's own: `#` and `##` become `level`, `###` one below, and so on.
 */
const KEEP = new Set(['P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'A', 'CODE', 'PRE', 'BLOCKQUOTE', 'BR', 'HR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'DEL', 'S']);

export function safeFragment(html: string, level: number): DocumentFragment {
  const source = new DOMParser().parseFromString(html, 'text/html').body;
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(node.textContent ?? ''));
        continue;
      }
      if (!(node instanceof Element)) continue;
      const heading = /^H([1-6])$/.exec(node.tagName);
      let element: HTMLElement | null = null;
      if (heading) {
        element = document.createElement('p');
        element.setAttribute('role', 'heading');
        element.setAttribute('aria-level', String(Math.min(6, level + Math.max(0, Number(heading[1]) - 2))));
        element.className = 'body-heading';
      } else if (KEEP.has(node.tagName)) {
        element = document.createElement(node.tagName.toLowerCase());
        const href = node.getAttribute('href');
        if (node.tagName === 'A' && href && /^(https?:\/\/|mailto:)/i.test(href)) {
          element.setAttribute('href', href);
          element.setAttribute('rel', 'noopener noreferrer');
        }
      }
      // An unknown element is dropped but its text is kept.
      copy(node, element ? to.appendChild(element) : to);
    }
  };
  copy(source, out);
  return out;
}
