// Vite plugin: gives html5-qrcode zxing-cpp (WebAssembly) as its decoder by resolving the library's import of its
// zxing-js decoder module to renderer/src/camera/zxing-wasm-decoder.ts. The build fails if the import is no longer
// there (an html5-qrcode upgrade), rather than silently shipping zxing-js again.
import type { Plugin } from 'vite';

const HTML5_QRCODE_FILE = /[\\/]node_modules[\\/]html5-qrcode[\\/]/;
const ZXING_JS_DECODER = /^\.\/zxing-html5-qrcode-decoder(?:\.js)?$/;

/** True for html5-qrcode's own import of its zxing-js decoder (and nothing else). */
export function isHtml5QrcodeDecoderImport(source: string, importer: string | undefined): boolean {
  return importer !== undefined && HTML5_QRCODE_FILE.test(importer) && ZXING_JS_DECODER.test(source);
}

export function html5QrcodeDecoderSwap(replacement: string): Plugin {
  let building = false;
  let swapped = false;
  return {
    name: 'esik:html5-qrcode-decoder-swap',
    enforce: 'pre',
    // Pre-bundled dependencies skip plugins: serve html5-qrcode's modules one by one so the dev server swaps too.
    config: () => ({ optimizeDeps: { exclude: ['html5-qrcode'] } }),
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(source, importer) {
      if (!isHtml5QrcodeDecoderImport(source, importer)) return null;
      swapped = true;
      return replacement;
    },
    buildEnd(error) {
      if (building && !error && !swapped) {
        this.error('html5-qrcode no longer imports ./zxing-html5-qrcode-decoder: the zxing-wasm decoder was not swapped in (see scripts/vite-qr-decoder.ts)');
      }
    },
  };
}
