/**
 * A Vite plugin that writes, beside the loader in `dist/embed/v1/`, what developers and editors
 * need to use the widgets from their own tools: `custom-elements.json` (the custom elements
 * manifest, made by `@custom-elements-manifest/analyzer` from the widgets' JSDoc), the
 * TypeScript declarations `osallistu.d.ts` (+ `-react`, `-preact`, `-vue`) and VS Code's
 * `vscode.html-custom-data.json`. The declarations are also kept in the repository under
 * `types/`; `node scripts/build/write-types.ts` rewrites them there, and the build test fails
 * when they differ from what the build served.
 */
import type { Plugin } from 'vite';
import { embedFiles } from './cem/outputs.ts';

export function customElementsManifest(root: string = process.cwd()): Plugin {
  return {
    name: 'osallistu-custom-elements-manifest',
    apply: 'build',
    generateBundle() {
      for (const [name, source] of Object.entries(embedFiles(root))) this.emitFile({ type: 'asset', fileName: `embed/v1/${name}`, source });
    },
  };
}
