// Builds the React renderer into dist/renderer, loaded by Electron from disk and served by the web host.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or styles: the CSP allows 'self' only. (This also keeps the decoder's .wasm a file.)
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
