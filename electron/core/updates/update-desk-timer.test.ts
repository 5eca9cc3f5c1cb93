// The update desk's own timer on a real records file and a real feed on loopback: a daily check that ends badly must
// never end the kiosk. An unhandled rejection from the timer stops the web host (Node's default), so a check still out
// when the kiosk closes (a restore, "Start afresh") or one that cannot write its note (the records read-only on a full
// or vanished disk) is dropped or logged, and the timer goes on.
import type { Database } from 'better-sqlite3';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { manualClock, tempDataDir } from '../testing/fixtures.js';
import { UpdateDesk } from './update-desk.js';

const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => void rejections.push(reason);
beforeEach(() => {
  rejections.length = 0;
  process.on('unhandledRejection', onRejection);
});
afterEach(() => void process.off('unhandledRejection', onRejection));

/** A feed that holds every request until the test answers it. */
async function heldFeed(): Promise<{ url: string; held: ServerResponse[] }> {
  const held: ServerResponse[] = [];
  const server = createServer((_request, response) => void held.push(response));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  onTestFinished(
    () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, held };
}

async function until(what: string, holds: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500; turn++) {
    if (holds()) return;
    await new Promise((next) => setTimeout(next, 10));
  }
  throw new Error(`${what}: not within 5 s`);
}

function deskOn(db: Database, dataDir: string, lines: string[]): UpdateDesk {
  const desk = new UpdateDesk({
    dataDir,
    settings: SettingsStore.of(db, () => undefined),
    audit: new AdminAudit(db),
    clock: manualClock('2026-12-03T07:00:00.000Z'),
    log: (line) => lines.push(line),
    currentVersion: '0.1.0',
    installer: null,
    channelFile: 'latest-linux.yml',
    tickMs: 20,
  });
  onTestFinished(() => desk.stop());
  return desk;
}

describe('the update desk’s timer', () => {
  it('drops a check still out when the kiosk closes, writing nothing to the closed records', async () => {
    const dataDir = tempDataDir();
    const db = openDatabase(join(dataDir, 'esik.sqlite'));
    const feed = await heldFeed();
    SettingsStore.of(db).set('updateFeedUrl', feed.url);
    const lines: string[] = [];
    const desk = deskOn(db, dataDir, lines);
    desk.start();
    await until('the daily check asked the feed', () => feed.held.length === 1);
    // The kiosk closes as a restore or "Start afresh" closes it: the desk stopped, then its records.
    desk.stop();
    db.close();
    for (const response of feed.held) response.writeHead(503).end();
    await until('the late answer was dropped', () => lines.some((line) => line.includes('after the updates stopped')));
    expect(rejections).toEqual([]);
  });

  it('logs a check that cannot write its note (the records read-only) and keeps its timer going', async () => {
    const dataDir = tempDataDir();
    const db = openDatabase(join(dataDir, 'esik.sqlite'));
    onTestFinished(() => {
      db.close();
    });
    const feed = await heldFeed();
    SettingsStore.of(db).set('updateFeedUrl', feed.url);
    // What the core does when the disk goes away under it (kiosk-core.ts): every write now throws.
    db.pragma('query_only = ON');
    const lines: string[] = [];
    const desk = deskOn(db, dataDir, lines);
    desk.start();
    await until('the first check asked the feed', () => feed.held.length === 1);
    feed.held[0]?.writeHead(503).end();
    await until('the failed round was logged', () => lines.some((line) => line.startsWith('[updates] the update round failed')));
    // The next round comes: the timer was not lost with the first.
    await until('the next check asked the feed', () => feed.held.length === 2);
    feed.held[1]?.writeHead(503).end();
    expect(rejections).toEqual([]);
  });
});
