import { defineConfig } from 'vite';

/**
 * Builds the embed: `dist/embed/v1/osallistu.js` (the loader, a stable URL web editors paste)
 * and hashed chunks beside it, one per widget and language plus the shared core. The demo site
 * is copied into `dist/` as it is, snippets and all, exactly as a CMS would serve them.
 *
 * Library mode, because an app build wraps every dynamic import in a preload helper that would
 * triple the loader's size for a one-level chunk graph.
 */
export default defineConfig({
  publicDir: 'demo/site',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: { osallistu: 'widgets/loader.ts' }, formats: ['es'] },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: 'embed/v1/[name].js',
        chunkFileNames: 'embed/v1/chunks/[name]-[hash].js',
        assetFileNames: 'embed/v1/assets/[name]-[hash][extname]',
      },
    },
  },
});
