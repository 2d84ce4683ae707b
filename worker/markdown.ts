import MarkdownIt from 'markdown-it';

/**
 * Markdown to HTML that is safe to put in a resident's page. markdown-it with `html: false`
 * writes any raw HTML in the source out as text, so no element or attribute of the author's
 * survives (no <script>, no onclick); links keep only http(s), mailto and in-page targets
 * (never `javascript:` or `data:`); images are off, so a decision never makes the reader's
 * browser fetch from a third party.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(['image']);
md.validateLink = (url) => /^(https?:\/\/|mailto:|#)/i.test(url.trim());

// Links open where the reader is, and tell the target nothing of where they came from.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, i, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}
