// The vendor's signing command, run as the vendor runs it, and its output read back by the kiosk's own check.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSignedChannel } from '../electron/core/updates/signed-channel.js';
import { writeRelease, type Release } from '../electron/core/updates/testing/release-kit.js';
import { updateKeyFromText } from '../electron/core/updates/update-keys.js';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SCRIPT = join(process.cwd(), 'scripts', 'sign-update.ts');
/** Each test starts tsx three times; on a loaded machine that alone can pass the default 20 s. */
const SPAWNS_TIMEOUT_MS = 120_000;

let dir: string;
let release: Release;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'esik-sign-'));
  release = writeRelease(join(dir, 'release'), { version: '0.2.0', key: null });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/sign-update.ts', () => {
  it('makes a key pair, signs a release, and the kiosk trusting the printed key accepts it', () => {
    const keygen = execFileSync(TSX, [SCRIPT, 'keygen', dir], { encoding: 'utf8' });
    const publicKey = /Public key, for .*: (\S+)/.exec(keygen)?.[1] ?? '';
    expect(statSync(join(dir, 'update-signing-key.pem')).mode & 0o777).toBe(0o600);
    // Never overwrites a key.
    expect(spawnSync(TSX, [SCRIPT, 'keygen', dir]).status).toBe(1);
    const signed = execFileSync(TSX, [SCRIPT, 'sign', join(dir, 'update-signing-key.pem'), release.folder], { encoding: 'utf8' });
    expect(signed).toContain('signed latest-linux.yml -> latest-linux.yml.sig');
    const bytes = readFileSync(join(release.folder, release.channelFile));
    const signature = readFileSync(join(release.folder, `${release.channelFile}.sig`), 'utf8');
    expect(readSignedChannel(release.channelFile, bytes, signature, [updateKeyFromText(publicKey)])).toMatchObject({ ok: true, manifest: { version: '0.2.0' } });
  }, SPAWNS_TIMEOUT_MS);

  it('refuses to sign a release whose installer is cut short, and says how to call it', () => {
    execFileSync(TSX, [SCRIPT, 'keygen', dir]);
    truncateSync(join(release.folder, release.installer), 10);
    const refused = spawnSync(TSX, [SCRIPT, 'sign', join(dir, 'update-signing-key.pem'), release.folder], { encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('UPDATE_FILE_INCOMPLETE');
    const usage = spawnSync(TSX, [SCRIPT, 'sign'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage:');
  }, SPAWNS_TIMEOUT_MS);
});
