import { defineConfig } from 'vite';

/**
 * Builds the embed: `dist/embed/v1/osallistu.js` (the loader, a stable URL web editors paste)
 * and hashed chunks beside it, one per widget plus the shared core. The demo site is copied
 * into `dist/` as it is, snippets and all, exactly as a CMS would serve them.
 */
export default defineConfig({
  publicDir: 'demo/site',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The preload helper would add bytes to the loader for a one-level chunk graph.
    modulePreload: false,
    sourcemap: true,
    rolldownOptions: {
      input: { osallistu: 'widgets/loader.ts' },
      output: {
        entryFileNames: 'embed/v1/[name].js',
        chunkFileNames: 'embed/v1/chunks/[name]-[hash].js',
        assetFileNames: 'embed/v1/assets/[name]-[hash][extname]',
      },
    },
  },
});
