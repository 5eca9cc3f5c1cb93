// The QR texts the camera, scanner and bench runs show, minted by the QR-credentials work's demo helper
// (electron/core/demo/demo-qr.ts) against a running kiosk's database. Loaded at run time and checked here, so that
// while that work is in progress the tests say what they wait for instead of breaking the typecheck.
//
// Expected: `export function demoQrCodes(databasePath: string): DemoQrCodes` (shape below).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { repoRoot } from './kiosk-host.js';

const DemoQrSchema = z.object({
  text: z.string().min(1),
  companionFirstName: z.string(),
  childFirstNames: z.array(z.string()),
});

const DemoQrCodesSchema = z.object({
  /** Valid now and for a few minutes more (the bench shows them over ~80 s: printed-card codes, not 60 s phone
   * codes); each for a different companion with exactly one child, whom they may both bring and collect. */
  valid: z.array(DemoQrSchema).min(1),
  /** A well-formed code whose signature does not verify. */
  forged: z.string().min(1),
  /** Signed, but its validity ended. */
  expired: z.string().min(1),
  /** Signed and in date, but its credential is revoked in the demo roster. */
  revoked: z.string().min(1),
});
export type DemoQrCodes = z.infer<typeof DemoQrCodesSchema>;

export const DEMO_QR_MODULE = 'electron/core/demo/demo-qr.ts';
const modulePath = join(repoRoot, DEMO_QR_MODULE);

/** Why the demo codes cannot be had (the tests that need them skip with this), or null when they can. */
export function demoQrMissing(): string | null {
  return existsSync(modulePath) ? null : `${DEMO_QR_MODULE} is not there yet (QR credentials are in progress)`;
}

export async function demoQrCodes(databasePath: string): Promise<DemoQrCodes> {
  const loaded: unknown = await import(pathToFileURL(modulePath).href);
  const mint = typeof loaded === 'object' && loaded !== null && 'demoQrCodes' in loaded ? loaded.demoQrCodes : undefined;
  if (typeof mint !== 'function') throw new Error(`${DEMO_QR_MODULE} does not export demoQrCodes(databasePath)`);
  const codes: unknown = await Reflect.apply(mint, undefined, [databasePath]);
  return DemoQrCodesSchema.parse(codes);
}
