import { defineConfig } from 'vite';
import { templateWhitespace } from './scripts/build/template-whitespace.ts';
import { customElementsManifest } from './scripts/build/custom-elements.ts';
import { preloadManifest } from './scripts/build/preload-manifest.ts';

/**
 * Builds the embed: `dist/embed/v1/osallistu.js` (the loader, a stable URL web editors paste)
 * and hashed chunks beside it, one per widget and language plus the shared core. The demo site
 * is copied into `dist/` as it is, snippets and all, exactly as a CMS would serve them.
 *
 * Library mode, because an app build wraps every dynamic import in a preload helper that would
 * triple the loader's size for a one-level chunk graph.
 */
/** Lit and the widget core (not the loader's own few modules): one chunk every widget shares. */
const SHARED = (id: string) =>
  // Lit, but not the directives and decorators only the officials' console uses (they stay in its own chunk).
  (/node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id) && !/(directives[\\/](repeat|keyed)|directive|directive-helpers|decorators[\\/]\w+|decorators)\.js$/.test(id)) ||
  (/widgets[\\/](core|locales)[\\/]/.test(id) && !/(config|loader-config|lazy-define|preload)\.ts$/.test(id) && !/locales[\\/](fi|sv|en)\.ts$/.test(id));

export default defineConfig({
  publicDir: 'demo/site',
  // custom-elements.json, osallistu*.d.ts and VS Code's HTML data beside the loader.
  plugins: [templateWhitespace(), customElementsManifest(import.meta.dirname), preloadManifest()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // frame.js runs in the frame pages, resizer.js on host pages that embed them (widgets/frame/);
    // verify.js on the page that checks a sealed result (widgets/verify/).
    lib: { entry: { osallistu: 'widgets/loader.ts', admin: 'widgets/admin/console.ts', frame: 'widgets/frame/frame.ts', resizer: 'widgets/frame/resizer.ts', verify: 'widgets/verify/verify-page.ts' }, formats: ['es'] },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: 'embed/v1/[name].js',
        // A widget's own strings are named after it ("feedback-fi", "feedback-status-fi"), beside the shared "fi".
        chunkFileNames: (chunk) => {
          const path = chunk.facadeModuleId?.match(/widgets[\\/](\w+)[\\/]locales[\\/](?:(\w+)[\\/])?\w+\.ts$/);
          const prefix = path ? `${path.slice(1, 3).filter(Boolean).join('-')}-` : '';
          return `embed/v1/chunks/${prefix}[name]-[hash].js`;
        },
        codeSplitting: { groups: [{ name: 'shared', test: SHARED }] },
        assetFileNames: 'embed/v1/assets/[name]-[hash][extname]',
      },
    },
  },
});
