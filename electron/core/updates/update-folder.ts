// An update brought on a USB stick: a folder holding what a generic feed serves (the channel file, its signature and
// the installers it names). The folder is checked as a feed would be, every installer against its size and sha512,
// and only then copied into the kiosk's own staging folder and checked again there, since a stick can be pulled out or
// changed between the two. The installer later runs from the staged copy, never from the stick.
import type { KeyObject } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { syncFolder, writeFileAtomic } from '../files/atomic-write.js';
import { checkUpdateFile, type FileCheck } from './update-file-check.js';
import type { UpdateManifest } from './update-manifest.js';
import { readSignedChannel, type ChannelRefusal } from './signed-channel.js';
import { SIGNATURE_SUFFIX } from './update-signature.js';

const CHANNEL_FILE_CAP = 64 * 1024;

export type FolderRefusal = ChannelRefusal | 'UPDATE_FOLDER_UNREADABLE' | Extract<FileCheck, { ok: false }>['code'];
export type StagedUpdate = { ok: true; manifest: UpdateManifest; folder: string } | { ok: false; code: FolderRefusal; detail: string };

/** Where a checked update waits for its hour: `<data folder>/updates/staged`. */
export function stagingFolder(dataDir: string): string {
  return join(dataDir, 'updates', 'staged');
}

function readSmall(path: string, cap: number): Buffer | null {
  try {
    if (statSync(path).size > cap) return null;
    return readFileSync(path);
  } catch {
    return null;
  }
}

async function checkAll(folder: string, manifest: UpdateManifest): Promise<FileCheck> {
  for (const file of manifest.files) {
    const check = await checkUpdateFile(join(folder, file.url), file);
    if (!check.ok) return check;
  }
  return { ok: true };
}

export async function stageFromFolder(source: string, dataDir: string, channelFile: string, trustedKeys: readonly KeyObject[]): Promise<StagedUpdate> {
  try {
    if (!statSync(source).isDirectory()) return { ok: false, code: 'UPDATE_FOLDER_UNREADABLE', detail: `${source} is not a folder` };
  } catch {
    return { ok: false, code: 'UPDATE_FOLDER_UNREADABLE', detail: `${source} is not there` };
  }
  const channel = readSmall(join(source, channelFile), CHANNEL_FILE_CAP);
  if (!channel) return { ok: false, code: 'UPDATE_FOLDER_UNREADABLE', detail: `${source} holds no readable ${channelFile}` };
  const signature = readSmall(join(source, channelFile + SIGNATURE_SUFFIX), 1024);
  const read = readSignedChannel(channelFile, new Uint8Array(channel), signature ? signature.toString('utf8') : null, trustedKeys);
  if (!read.ok) return read;
  const onStick = await checkAll(source, read.manifest);
  if (!onStick.ok) return onStick;

  const staged = stagingFolder(dataDir);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true, mode: 0o700 });
  // The channel file goes in as the bytes that were checked, not read again from the stick.
  copyFileSync(join(source, channelFile + SIGNATURE_SUFFIX), join(staged, channelFile + SIGNATURE_SUFFIX));
  for (const file of read.manifest.files) copyFileSync(join(source, file.url), join(staged, file.url));
  const copied = await checkAll(staged, read.manifest);
  if (!copied.ok) {
    rmSync(staged, { recursive: true, force: true });
    return copied;
  }
  // Last, so a staging folder with its channel file is always a whole one.
  writeFileAtomic(join(staged, channelFile), new Uint8Array(channel));
  syncFolder(staged);
  return { ok: true, manifest: read.manifest, folder: staged };
}
