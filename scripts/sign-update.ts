// The vendor's update signing (docs/updates.md). Two commands:
//   npx tsx scripts/sign-update.ts keygen <folder>
//       writes update-signing-key.pem (the private half, 0600: keep it offline, never on a kiosk or in the repository)
//       and prints the public half to list in electron/core/updates/update-keys.ts before building the installers.
//   npx tsx scripts/sign-update.ts sign <update-signing-key.pem> <release folder>
//       signs every channel file electron-builder left in the folder (latest.yml, latest-linux.yml, latest-mac.yml),
//       after checking that each installer it names is there with its size and sha512, and writes <file>.sig beside it.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rawPublicKey } from '../electron/core/credentials/ed25519.js';
import { checkUpdateFile } from '../electron/core/updates/update-file-check.js';
import { parseManifest } from '../electron/core/updates/update-manifest.js';
import { signChannelFile, SIGNATURE_SUFFIX } from '../electron/core/updates/update-signature.js';

const CHANNEL_FILES = ['latest.yml', 'latest-linux.yml', 'latest-mac.yml'];
const KEY_FILE = 'update-signing-key.pem';

/** Writes the private half into the folder and answers the public half (base64url) for update-keys.ts. */
export function makeSigningKey(folder: string): string {
  const path = join(folder, KEY_FILE);
  if (existsSync(path)) throw new Error(`${path} exists: a signing key is never overwritten`);
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  return Buffer.from(rawPublicKey(privateKey)).toString('base64url');
}

/** Signs the release folder's channel files; answers the files signed. Throws on a missing or wrong installer. */
export async function signRelease(keyPem: string, folder: string): Promise<string[]> {
  const key = createPrivateKey(keyPem);
  const signed: string[] = [];
  for (const name of CHANNEL_FILES) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const manifest = parseManifest(bytes.toString('utf8'), name);
    if (!manifest) throw new Error(`${name} names no well-formed update`);
    for (const file of manifest.files) {
      const check = await checkUpdateFile(join(folder, file.url), file);
      if (!check.ok) throw new Error(`${name}: ${check.code} ${check.detail}`);
    }
    writeFileSync(path + SIGNATURE_SUFFIX, signChannelFile(key, bytes));
    signed.push(name);
  }
  if (signed.length === 0) throw new Error(`no channel file (${CHANNEL_FILES.join(', ')}) in ${folder}`);
  return signed;
}

async function main(args: string[]): Promise<number> {
  const [command, first, second] = args;
  if (command === 'keygen' && first) {
    const publicKey = makeSigningKey(resolve(first));
    console.log(`Private key: ${join(resolve(first), KEY_FILE)} (keep it offline)`);
    console.log(`Public key, for electron/core/updates/update-keys.ts: ${publicKey}`);
    return 0;
  }
  if (command === 'sign' && first && second) {
    const signed = await signRelease(readFileSync(resolve(first), 'utf8'), resolve(second));
    for (const name of signed) console.log(`signed ${name} -> ${name}${SIGNATURE_SUFFIX}`);
    return 0;
  }
  console.error('usage: sign-update.ts keygen <folder> | sign <update-signing-key.pem> <release folder>');
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
