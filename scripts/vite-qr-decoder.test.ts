// The decoder swap rests on how html5-qrcode 2.3.8 is built; these tests fail first if an upgrade changes that.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHtml5QrcodeDecoderImport } from './vite-qr-decoder.js';

const esmDir = join(dirname(createRequire(import.meta.url).resolve('html5-qrcode/package.json')), 'esm');
const codeDecoder = readFileSync(join(esmDir, 'code-decoder.js'), 'utf8');
const scanner = readFileSync(join(esmDir, 'html5-qrcode.js'), 'utf8');

describe('html5-qrcode decoder swap', () => {
  it('matches only html5-qrcode importing its zxing-js decoder', () => {
    const importer = join(esmDir, 'code-decoder.js');
    expect(isHtml5QrcodeDecoderImport('./zxing-html5-qrcode-decoder', importer)).toBe(true);
    expect(isHtml5QrcodeDecoderImport('./zxing-html5-qrcode-decoder.js', importer)).toBe(true);
    expect(isHtml5QrcodeDecoderImport('./zxing-html5-qrcode-decoder', '/work/renderer/src/camera/x.ts')).toBe(false);
    expect(isHtml5QrcodeDecoderImport('./core', importer)).toBe(false);
    expect(isHtml5QrcodeDecoderImport('./zxing-html5-qrcode-decoder', undefined)).toBe(false);
  });

  it('finds html5-qrcode constructing ZXingHtml5QrcodeDecoder from that module, the one place zxing-js enters', () => {
    expect(codeDecoder).toMatch(/import \{ ZXingHtml5QrcodeDecoder \} from "\.\/zxing-html5-qrcode-decoder";/);
    expect(codeDecoder).toContain('new ZXingHtml5QrcodeDecoder(requestedFormats, verbose, logger)');
    expect(codeDecoder).not.toMatch(/third_party|zxing-js/);
  });

  it('documents why the BarcodeDetector option alone is not enough: camera frames alternate between the two decoders', () => {
    // The camera loop decodes each frame with decodeAsync (not decodeRobustlyAsync, used for files only)...
    expect(scanner).toMatch(/this\.qrcode\.decodeAsync\(this\.canvasElement\)/);
    // ...which, when BarcodeDetector is supported, hands every second call to the zxing-js decoder.
    expect(codeDecoder).toMatch(/getDecoder = function \(\) \{\s*if \(!this\.secondaryDecoder\)/);
    expect(codeDecoder).toMatch(/this\.secondaryDecoder = new ZXingHtml5QrcodeDecoder/);
  });
});
