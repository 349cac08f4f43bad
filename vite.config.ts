import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { curatedGraphPlugin } from './scripts/vite-plugin-curated-graph.js';

// The explorer (web/) is built as a static site into dist-web/ with relative asset paths.
// `vite build --mode fixtures` (used by tests/browser) also bundles tests/browser/fixtures, selectable
// with ?data=NAME; in every other mode __MECHKG_FIXTURES__ is false and those files are left out.
export default defineConfig(({ mode }) => ({
  root: 'web',
  base: './',
  publicDir: false,
  // The curated graph ships as a snapshot the loader made at build time (no YAML parsing or validation in the page).
  plugins: [curatedGraphPlugin(fileURLToPath(new URL('./graph', import.meta.url)))],
  server: { fs: { allow: ['..'] } },
  define: { __MECHKG_FIXTURES__: JSON.stringify(mode === 'fixtures') },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // The library modules are declarations only (no top-level effects), so the bundler may drop the
      // ones a chunk does not use: exporters and importers then load with the Export menu, not at start.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]|fast-xml-parser/.test(id) },
    },
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    // Finds the Chromium for the browser tests once per run (system, else @sparticuz/chromium).
    globalSetup: ['tests/browser/global-setup.ts'],
    exclude: ['**/node_modules/**', 'tests/.output/**'],
    testTimeout: 30000,
    hookTimeout: 120000,
  },
}));
