// zbar (Debian's zbar-tools, installed by .ci/run) as the usual open-source baseline: `zbarimg --quiet --raw`
// with only the QR reader enabled, as the other decoders are limited to QR codes too.
import { execFile } from 'node:child_process';

/** The decoded text, or undefined when zbar finds nothing (it exits 4 then). */
export function decodeZbar(pngPath: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    execFile('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', pngPath], { timeout: 30_000, encoding: 'utf8' }, (error, stdout) => {
      if (error && error.code !== 4) reject(new Error(`zbarimg ${pngPath}: ${error.message}`));
      else resolve(stdout.length > 0 ? stdout.replace(/\n$/, '') : undefined);
    });
  });
}
