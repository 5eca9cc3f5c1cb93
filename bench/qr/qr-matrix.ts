// The module matrix of a QR code, from libqrencode (the `qrencode` CLI, installed by .ci/run). An encoder
// from another family than the decoders under test keeps the set from favouring one of them.
import { execFileSync } from 'node:child_process';

export type EcLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** size × size, row-major, true = dark module. */
  readonly dark: readonly boolean[];
}

export function encodeQr(text: string, level: EcLevel): QrMatrix {
  // -t ASCII -m 0: two characters per module, '#' dark, no quiet zone (the scene draws its own).
  const ascii = execFileSync('qrencode', ['-t', 'ASCII', '-m', '0', '-l', level, '--', text], { encoding: 'utf8', timeout: 10_000 });
  const rows = ascii.split('\n').filter((line) => line.length > 0);
  const size = rows.length;
  const dark: boolean[] = [];
  for (const row of rows) {
    if (row.length !== size * 2) throw new Error(`qrencode row of ${row.length} characters, expected ${size * 2}`);
    for (let x = 0; x < size; x++) dark.push(row[x * 2] === '#');
  }
  return { size, dark };
}
