// An update from a folder on a USB stick, on real files: what is staged and what is refused.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageFromFolder, stagingFolder } from './update-folder.js';
import { writeRelease, type Release } from './testing/release-kit.js';

const vendor = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const trusted = [vendor.publicKey];

let dir: string;
let dataDir: string;
let stick: Release;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'esik-stick-'));
  dataDir = join(dir, 'data');
  stick = writeRelease(join(dir, 'stick', 'esik-0.2.0'), { version: '0.2.0', key: vendor.privateKey });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stage = () => stageFromFolder(stick.folder, dataDir, stick.channelFile, trusted);

describe('an update from a folder', () => {
  it('stages a signed, whole update into the kiosk’s own folder', async () => {
    const staged = await stage();
    expect(staged).toMatchObject({ ok: true, manifest: { version: '0.2.0' }, folder: stagingFolder(dataDir) });
    expect(readdirSync(stagingFolder(dataDir)).sort()).toEqual([stick.installer, stick.channelFile, `${stick.channelFile}.sig`].sort());
    expect(readFileSync(join(stagingFolder(dataDir), stick.installer)).equals(stick.installerBytes)).toBe(true);
  });

  it('refuses a folder without a signature, with a foreign one, or with its channel file changed', async () => {
    const sig = join(stick.folder, `${stick.channelFile}.sig`);
    const good = readFileSync(sig, 'utf8');
    unlinkSync(sig);
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_UNSIGNED' });
    const foreign = writeRelease(join(dir, 'foreign'), { version: '0.2.0', key: stranger.privateKey });
    writeFileSync(sig, readFileSync(join(foreign.folder, `${foreign.channelFile}.sig`)));
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_SIGNATURE_INVALID' });
    writeFileSync(sig, good);
    writeFileSync(join(stick.folder, stick.channelFile), readFileSync(join(stick.folder, stick.channelFile), 'utf8').replace('version: 0.2.0', 'version: 0.2.1'));
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_SIGNATURE_INVALID' });
    expect(existsSync(stagingFolder(dataDir))).toBe(false);
  });

  it('refuses an installer cut short, changed or missing, and stages nothing', async () => {
    const installer = join(stick.folder, stick.installer);
    truncateSync(installer, 4096);
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_FILE_INCOMPLETE' });
    const changed = Buffer.from(stick.installerBytes);
    changed[0] = changed[0]! ^ 0xff;
    writeFileSync(installer, changed);
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_FILE_MISMATCH' });
    unlinkSync(installer);
    expect(await stage()).toMatchObject({ ok: false, code: 'UPDATE_FILE_MISSING' });
    expect(existsSync(stagingFolder(dataDir))).toBe(false);
  });

  it('refuses a folder that is not there or holds no channel file', async () => {
    expect(await stageFromFolder(join(dir, 'no-such-stick'), dataDir, stick.channelFile, trusted)).toMatchObject({ ok: false, code: 'UPDATE_FOLDER_UNREADABLE' });
    expect(await stageFromFolder(stick.folder, dataDir, 'latest.yml', trusted)).toMatchObject({ ok: false, code: 'UPDATE_FOLDER_UNREADABLE' });
  });

  it('replaces an earlier staged update with the newer one', async () => {
    expect((await stage()).ok).toBe(true);
    stick = writeRelease(join(dir, 'stick', 'esik-0.3.0'), { version: '0.3.0', key: vendor.privateKey });
    expect(await stage()).toMatchObject({ ok: true, manifest: { version: '0.3.0' } });
    expect(readdirSync(stagingFolder(dataDir))).not.toContain('Esik-0.2.0.AppImage');
  });
});
