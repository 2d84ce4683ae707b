/**
 * Everything the build makes from the widgets' JSDoc, by file name under `dist/embed/v1/`:
 * `custom-elements.json`, the TypeScript declarations and VS Code's HTML custom data.
 */
import { analyzeWidgets } from './analyze.ts';
import { declarationFiles } from './declarations.ts';
import { vscodeCustomData } from './vscode-data.ts';

export const MANIFEST = 'custom-elements.json';
export const VSCODE_DATA = 'vscode.html-custom-data.json';

/** File name → contents, for the widgets under `root`. */
export function embedFiles(root: string): Record<string, string> {
  const manifest = analyzeWidgets(root);
  return {
    [MANIFEST]: `${JSON.stringify(manifest, null, 2)}\n`,
    [VSCODE_DATA]: `${JSON.stringify(vscodeCustomData(manifest), null, 2)}\n`,
    ...declarationFiles(manifest),
  };
}
