import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served from /_koomock/console/ with a strict CSP: relative asset URLs, no inline
// script or style, no module-preload polyfill injected inline.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
