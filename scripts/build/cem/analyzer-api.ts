/**
 * The analyzer's programmatic API, typed against this repository's TypeScript. The package's
 * own `index.d.ts` leaves out `create` and `ts` (which its `index.js` exports), and types its
 * plugins with the TypeScript it bundles (an older one, whose `SyntaxKind` numbers differ):
 * source files must be made with that bundled `ts`, so it is taken from the package at run time.
 */
import type * as TS from 'typescript';
import * as analyzer from '@custom-elements-manifest/analyzer';

export interface AnalyzerPlugin {
  name: string;
  collectPhase?(params: { node: TS.Node }): void;
  analyzePhase?(params: { node: TS.Node; moduleDoc: { path: string; exports?: unknown[] } }): void;
  packageLinkPhase?(params: { customElementsManifest: unknown }): void;
}

interface Api {
  create(options: { modules: TS.SourceFile[]; plugins?: AnalyzerPlugin[] }): unknown;
  ts: typeof TS;
}

export const { create, ts } = analyzer as unknown as Api;
