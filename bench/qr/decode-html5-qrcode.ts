// html5-qrcode's own file decoder (Html5Qrcode.scanFileV2 → its bundled zxing-js), in Chromium as in the
// kiosk's renderer. The page is about:blank with the library's UMD bundle injected from node_modules, so
// nothing is fetched from the network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumExecutable } from '../../e2e/support/browser.js';

/** The globals html5-qrcode.min.js defines. */
interface Html5QrcodeWindow {
  __Html5QrcodeLibrary__: { Html5Qrcode: typeof Html5Qrcode; Html5QrcodeSupportedFormats: typeof Html5QrcodeSupportedFormats };
}

export interface Html5QrcodeOutcome {
  readonly text: string | undefined;
  /** Which decoder answered: 'zxing-js' is html5-qrcode's bundled one. */
  readonly decoder: string | undefined;
  readonly ms: number;
}

export interface Html5QrcodeSession {
  decode(pngPath: string): Promise<Html5QrcodeOutcome>;
  close(): Promise<void>;
}

function bundlePath(): string {
  const main = createRequire(import.meta.url).resolve('html5-qrcode');
  return join(dirname(main), '..', 'html5-qrcode.min.js');
}

async function decodeInPage(page: Page, png: string): Promise<Html5QrcodeOutcome> {
  return page.evaluate(async (base64) => {
    const lib = (window as unknown as Html5QrcodeWindow).__Html5QrcodeLibrary__;
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const file = new File([bytes], 'frame.png', { type: 'image/png' });
    // Defaults apart from the format list; the native BarcodeDetector is switched off because html5-qrcode
    // would prefer it where Chrome has one (macOS, Android), and this measures the decoder it bundles — the
    // one it uses on the kiosk's Linux and Windows.
    const scanner = new lib.Html5Qrcode('reader', {
      formatsToSupport: [lib.Html5QrcodeSupportedFormats.QR_CODE],
      useBarCodeDetectorIfSupported: false,
      verbose: false,
    });
    const started = performance.now();
    try {
      const result = await scanner.scanFileV2(file, false);
      return { text: result.decodedText, decoder: result.result.debugData?.decoderName, ms: performance.now() - started };
    } catch {
      // scanFileV2 rejects with a message when no code is found.
      return { text: undefined, decoder: undefined, ms: performance.now() - started };
    }
  }, png);
}

export async function openHtml5QrcodeSession(): Promise<Html5QrcodeSession> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The element scanFileV2 draws into; its width is the "container" html5-qrcode scales large images to.
    await page.setContent('<!doctype html><div id="reader" style="width: 640px"></div>');
    await page.addScriptTag({ path: bundlePath() });
    return {
      decode: (pngPath) => decodeInPage(page, readFileSync(pngPath).toString('base64')),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
