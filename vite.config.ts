// Builds the React renderer into dist/renderer, loaded by Electron from disk and served by the web host.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { html5QrcodeDecoderSwap } from './scripts/vite-qr-decoder.js';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), html5QrcodeDecoderSwap(fileURLToPath(new URL('./renderer/src/camera/zxing-wasm-decoder.ts', import.meta.url)))],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or styles: the CSP allows 'self' only. (This also keeps the decoder's .wasm a file.)
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
