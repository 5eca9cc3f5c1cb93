// The loopback feed that hands a staged update to electron-updater, on real files and real sockets: a download the
// client gives up on half-way (electron-updater cancelled, the kiosk closing) must let go of the installer's file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveFolder, type FolderFeed } from './update-folder-server.js';

let dir: string;
let feed: FolderFeed;
// Larger than loopback's socket buffers can hold, so the server is still reading it when the client goes.
const INSTALLER = 'Esik-0.2.0.AppImage';
const SIZE = 48 * 1024 * 1024;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esik-folder-feed-'));
  writeFileSync(join(dir, INSTALLER), randomBytes(SIZE));
  feed = await serveFolder(dir);
});

afterEach(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

/** This process's open descriptors on the installer (Linux: /proc/self/fd). */
function openOnInstaller(): number {
  const path = join(dir, INSTALLER);
  let open = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(join('/proc/self/fd', fd)) === path) open += 1;
    } catch {
      // A descriptor closed while the folder was listed.
    }
  }
  return open;
}

async function until(what: string, holds: () => boolean): Promise<void> {
  for (let turn = 0; turn < 300; turn++) {
    if (holds()) return;
    await new Promise((next) => setTimeout(next, 10));
  }
  throw new Error(`${what}: not within 3 s`);
}

describe.skipIf(process.platform !== 'linux')('the folder feed (open files read from /proc: Linux only)', () => {
  it('serves the installer whole', async () => {
    const response = await fetch(new URL(INSTALLER, feed.url));
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(SIZE);
    await until('the file closed after a whole download', () => openOnInstaller() === 0);
  });

  it('closes the installer’s file when the client hangs up half-way', async () => {
    const { port } = new URL(feed.url);
    const client = connect(Number(port), '127.0.0.1');
    client.on('error', () => undefined);
    let received = 0;
    const started = new Promise<void>((resolve) => {
      client.on('data', (chunk: Buffer) => {
        received += chunk.length;
        // Read the first bytes only, then stop reading: the server's writes back up, as with a stalled download.
        client.pause();
        resolve();
      });
    });
    client.write(`GET /${INSTALLER} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await started;
    await until('the server opened the installer', () => openOnInstaller() === 1);
    client.destroy();
    expect(received).toBeLessThan(SIZE);
    await until('the server let go of the installer', () => openOnInstaller() === 0);
  });
});
