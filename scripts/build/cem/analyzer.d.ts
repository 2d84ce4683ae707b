/**
 * Types for the one module of `@custom-elements-manifest/analyzer` that the package ships
 * without declarations: its Lit support, the plugins its CLI turns on with `--litelement`.
 */
declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  export function litPlugin(): import('./analyzer-api.ts').AnalyzerPlugin[];
}
