// Builds a release folder the way electron-builder and scripts/sign-update.ts leave it (installer, channel file,
// signature), for the update tests and the console's browser test; then lets a test spoil it the ways a feed or a
// stick can be spoiled.
import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signChannelFile, SIGNATURE_SUFFIX } from '../update-signature.js';

export interface Release {
  folder: string;
  channelFile: string;
  installer: string;
  installerBytes: Buffer;
  sha512: string;
}

/** A channel file as electron-builder writes it for one installer. */
export function channelFileText(version: string, installer: string, bytes: Buffer): string {
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${installer}`,
    `    sha512: ${sha512}`,
    `    size: ${bytes.length}`,
    `path: ${installer}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

export function writeRelease(folder: string, options: { version: string; key: KeyObject | null; channelFile?: string; installerBytes?: Buffer }): Release {
  const channelFile = options.channelFile ?? 'latest-linux.yml';
  const installer = `Esik-${options.version}.AppImage`;
  const bytes = options.installerBytes ?? pseudoInstaller(options.version);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, installer), bytes);
  const text = channelFileText(options.version, installer, bytes);
  writeFileSync(join(folder, channelFile), text);
  if (options.key) writeFileSync(join(folder, channelFile + SIGNATURE_SUFFIX), signChannelFile(options.key, Buffer.from(text)));
  return { folder, channelFile, installer, installerBytes: bytes, sha512: createHash('sha512').update(bytes).digest('base64') };
}

/** 300 KB that differ for every version: incompressible, and more than one read of a stream. */
function pseudoInstaller(version: string): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < 4700; i += 1) parts.push(createHash('sha512').update(`${version}:${i}`).digest());
  return Buffer.concat(parts);
}
