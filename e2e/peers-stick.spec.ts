// The USB stick through the console (issue 18, docs/peers.md §8): two web hosts on loopback, a door and an office of one
// kindergarten paired as pairing leaves them (each lists the other at a port nobody listens on). The office is then
// stopped, so the door cannot reach it (a web host always runs the beacon, which would find it): a child is checked in
// at the door, and the head writes a stick there on the Computers page and downloads it. The door stopped and the
// office started again, she reads it through the office's Computers page: it says how many records it took in and
// holds the door's tap; the same file read again says it changed nothing, and nothing changes. The office, enrolled
// with the reference city, then carries the door to the city through the same panel, and the city gets the door's tap.
import { test, type BrowserContext, type Page } from '@playwright/test';
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { freePort } from './support/free-port.js';
import BetterSqlite3 from 'better-sqlite3';
import { startCityServer, type RunningCityServer } from '../city-server/src/city-server.js';
import { rawPublicKey } from '../electron/core/credentials/ed25519.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { x25519PublicRaw } from '../electron/core/peers/x25519.js';
import { stickTexts } from '../shared/i18n/peers/stick-catalogs.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { enrolledDataDir } from './support/city.js';
import { contrastFindings, settled } from './support/contrast.js';
import { startKioskHost, withoutEveningPickup, type RunningHost } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase } from './support/kiosk-test.js';
import { CONSOLE_TARGET_PX, layoutProblems, SCREEN_SIZES } from './support/layout-check.js';
import { demoStaff, signInByName, staffAudit } from './support/staff-steps.js';

const GROUP = '0193a1f0-0000-7000-8000-00000000cafe';
/** One kindergarten's PIN pepper on both, as pairing leaves the group's: the door's PIN records check at the office. */
const PEPPER = Buffer.alloc(32, 0x5a).toString('base64');
const MOTHER_ONE_CHILD = '0004512346';

interface Machine {
  name: string;
  role: 'door' | 'office';
  host: RunningHost;
  dataDir: string;
  peerPort: number;
  deviceId: string;
  signPub: Buffer;
  dhPub: Buffer;
}

/** A demo kiosk with the shared pepper and its own peer port; its keys read back once its core has made them. */
async function machine(name: string, role: 'door' | 'office', dataDir: string, city: RunningCityServer | null = null): Promise<Machine> {
  mkdirSync(dataDir, { recursive: true });
  // The office enrolled with the city before its first start, as its first run leaves it.
  if (city !== null) await enrolledDataDir(dataDir, { url: city.url, code: city.issueEnrollmentCode() }, { deviceName: name });
  const secrets = new FileSecretStore(dataDir, { cipher: null, log: () => undefined });
  secrets.set('pin-pepper', PEPPER);
  const peerPort = await freePort();
  const host = withoutEveningPickup(await startKioskHost(dataDir, ['--peer-port', String(peerPort)]));
  // The core makes its keys as it opens, before the host prints its URL; looked at once, then failed loudly.
  const devicePem = secrets.get('device-key');
  const dhPem = secrets.get('peer-dh-key');
  if (devicePem === null || dhPem === null) throw new Error(`${name} holds no keys:\n${host.output()}`);
  const [device] = readDatabase<{ id: string }>(host.databasePath, 'SELECT id FROM device');
  if (!device) throw new Error(`${name} has no device row`);
  return { name, role, host, dataDir, peerPort, deviceId: device.id, signPub: Buffer.from(rawPublicKey(createPrivateKey(devicePem))), dhPub: x25519PublicRaw(createPrivateKey(dhPem)) };
}

/** What pairing leaves in each file, each member at a port nobody listens on: the two never meet on the LAN. */
async function pairWithoutLan(machines: Machine[]): Promise<void> {
  const deadPorts = await Promise.all(machines.map(() => freePort()));
  for (const at of machines) {
    const db = new BetterSqlite3(at.host.databasePath, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare("INSERT INTO peer_group (id, group_id, kindergarten_id, kindergarten_name, made_ms) VALUES (1, ?, 'kg-demo', 'Demo', 0)").run(GROUP);
      machines.forEach((m, i) => {
        db.prepare(
          `INSERT INTO peer_members (device_id, name, role, sign_pub, dh_pub, qr_key_id, qr_pub, addrs, paired_at, member_record_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-20T08:00:00+05:00', ?)`,
        ).run(m.deviceId, m.name, m.role, m.signPub, m.dhPub, `qr-${m.deviceId}`, m.signPub, JSON.stringify([`127.0.0.1:${deadPorts[i] ?? 1}`]), `member-${m.deviceId}`);
      });
    } finally {
      db.close();
    }
  }
}

async function openComputers(page: Page): Promise<void> {
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-computers').click();
  await expect(page.getByTestId('stick-panel')).toBeVisible({ timeout: 20_000 });
}

/**
 * The outcome of a read as soon as the panel shows it, looked at every frame: a stick that carries a PIN record for the
 * admin ends her session (StaffDesk.peersApplied), and the page's next refresh then closes the console.
 */
async function readOutcome(page: Page): Promise<{ code: string; failed: string; text: string }> {
  const shown = await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="stick-read-result"]');
      return el === null ? null : { code: el.getAttribute('data-code') ?? '', failed: el.getAttribute('data-failed') ?? '', text: el.textContent ?? '' };
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await shown.jsonValue()) ?? { code: '', failed: '', text: '' };
}

const STRANGER = '0193a1f0-0000-7000-8000-00000000bad0';

function refusedAt(host: RunningHost, r: { reason: string; remoteKey: string; remote: string; count: number }): void {
  const db = new BetterSqlite3(host.databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    db.prepare(`INSERT INTO peer_refusals (window_ms, reason, remote_key, side, remote, first_ms, last_ms, count, detail) VALUES (?, ?, ?, 'accepted', ?, ?, ?, ?, 'handshake refused')`).run(
      now - (now % 3_600_000), r.reason, r.remoteKey, r.remote, now, now, r.count,
    );
  } finally {
    db.close();
  }
}

const count = (host: RunningHost, sql: string): number => readDatabase<{ n: number }>(host.databasePath, sql)[0]?.n ?? -1;

test('a stick written at the door through the console carries its tap to the office, read again it changes nothing, and the office carries the door to the city', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const hosts: RunningHost[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  let closeCity: () => Promise<void> = () => Promise.resolve();
  try {
    const city = await startCityServer({ dataDir: testInfo.outputPath('city'), seed: 'demo' });
    closeCity = () => city.close();
    const door = await machine('Door 2', 'door', testInfo.outputPath('door'));
    hosts.push(door.host);
    const office = await machine('Office', 'office', testInfo.outputPath('office'), city);
    hosts.push(office.host);
    await pairWithoutLan([door, office]);
    // The office out of reach from now on, before anything is checked in at the door.
    await office.host.stop();
    const doorEvents = `SELECT count(*) AS n FROM attendance_events WHERE device_id = '${door.deviceId}'`;
    const doorLog = `SELECT count(*) AS n FROM peer_log WHERE device_id = '${door.deviceId}'`;

    // A context each (axe's contrast check wants a page of its own context).
    for (let i = 0; i < 2; i++) contexts.push(await browser.newContext({ viewport: { width: 1280, height: 800 } }));
    const [pageD, pageO] = await Promise.all(contexts.map((c) => c.newPage()));
    if (!pageD || !pageO) throw new Error('no pages');
    for (const page of [pageD, pageO]) page.on('pageerror', (error) => pageErrors.push(error.message));

    // The door: a mother's card checks her child in.
    await openKiosk(pageD, door.host);
    await typeAsReader(pageD, cardKeys(MOTHER_ONE_CHILD), 5);
    await expect(pageD.getByTestId('receipt-entry')).toHaveCount(1);
    expect(count(door.host, doorEvents)).toBe(1);
    const [tap] = readDatabase<{ id: string }>(door.host.databasePath, 'SELECT id FROM attendance_events');
    if (!tap) throw new Error('no tap at the door');

    // The head writes a stick for the office on the door's Computers page; the browser downloads it.
    await openComputers(pageD);
    await expect(pageD.getByTestId('computers-list')).toContainText('Office', { timeout: 30_000 });
    await expect(pageD.getByTestId('stick-write-for').locator('option')).toHaveCount(2);
    await pageD.getByTestId('stick-write-for').selectOption({ label: 'Office' });
    const downloading = pageD.waitForEvent('download', { timeout: 60_000 });
    await pageD.getByTestId('stick-write-button').click();
    const download = await downloading;
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^esik-Door-2-\d{8}-\d{4}\.esikpeer$/);
    const stickPath = testInfo.outputPath(fileName);
    await download.saveAs(stickPath);
    const written = pageD.getByTestId('stick-write-result');
    await expect(written).toHaveAttribute('data-failed', 'false');
    await expect(written).toContainText(fileName);
    // Every record of the door's: the office is known here by no stick of its own (docs/peers.md §8).
    await expect(written).toContainText(String(count(door.host, doorLog)));
    await expect(pageD.getByTestId('stick-download-result')).toHaveAttribute('data-failed', 'false');
    await pageD.close();
    await door.host.stop();

    // Nothing of the tap reached the office by the network.
    expect(count(office.host, doorEvents)).toBe(0);
    const heldBefore = count(office.host, doorLog);

    // The office again (the door now out of reach): the head reads the stick through its Computers page.
    const officeAgain = await startKioskHost(office.dataDir, ['--peer-port', String(office.peerPort)]);
    hosts.push(officeAgain);
    // A stranger the office's link refused, as its audit writes it (peers/refusal-audit.ts): listed with its reason.
    refusedAt(officeAgain, { reason: 'PEER_UNKNOWN', remoteKey: STRANGER, remote: '127.0.0.1:40404', count: 3 });
    await openKiosk(pageO, officeAgain);
    await openComputers(pageO);
    await expect(pageO.getByTestId('computers-list')).toContainText('Door 2', { timeout: 30_000 });
    const refusal = pageO.getByTestId('computers-refusal');
    await expect(refusal).toHaveCount(1);
    await expect(refusal).toHaveAttribute('data-reason', 'PEER_UNKNOWN');
    await expect(refusal).toContainText(`${STRANGER} (127.0.0.1:40404)`);
    const language = await pageO.evaluate(() => document.documentElement.lang);
    await expect(refusal).toContainText(stickTexts(language).reasons.PEER_UNKNOWN);
    await pageO.getByTestId('stick-read-file').setInputFiles(stickPath);
    const first = await readOutcome(pageO);
    expect(first, first.text).toMatchObject({ code: 'BUNDLE_READ', failed: 'false' });
    const taken = count(officeAgain, doorLog) - heldBefore;
    expect(taken).toBeGreaterThan(0);
    expect(first.text).toContain('Door 2');
    expect(first.text).toContain(String(taken));
    expect(count(officeAgain, doorEvents)).toBe(1);
    const held = () => ({
      events: count(officeAgain, 'SELECT count(*) AS n FROM attendance_events'),
      log: count(officeAgain, 'SELECT count(*) AS n FROM peer_log'),
      bundles: count(officeAgain, 'SELECT count(*) AS n FROM peer_bundles'),
    });
    const afterFirst = held();

    // The door's PIN records for the head, when they were new here (the demo's own, made apart from the office's, if the
    // two never met before the office stopped), end her session: the page's next refresh closes the console.
    const endedHere = () => staffAudit(officeAgain.databasePath).some((a) => a.action === 'sign-out' && a.staff_id === demoStaff.admin.id && a.detail.includes('changed-elsewhere'));
    if (endedHere()) {
      await expect(pageO.getByTestId('staff-open')).toBeVisible({ timeout: 20_000 });
      await openComputers(pageO);
    }

    // The same file again: already read here, nothing changed.
    await pageO.getByTestId('stick-read-file').setInputFiles(stickPath);
    const again = await readOutcome(pageO);
    expect(again, again.text).toMatchObject({ code: 'BUNDLE_ALREADY_READ', failed: 'false' });
    expect(held()).toEqual(afterFirst);

    // The office carries the door to the city (the door has no internet of its own): enrolled through the panel with a
    // code the city issued for it, the door's records held here go to the city from the office, its tap among them.
    await pageO.getByTestId('relay-door').selectOption({ label: 'Door 2' });
    await pageO.getByTestId('relay-server').fill(city.url);
    await pageO.getByTestId('relay-code').fill(city.issueEnrollmentCode());
    await pageO.getByTestId('relay-enroll-button').click();
    const enrolled = pageO.getByTestId('relay-enroll-result');
    await expect(enrolled).toHaveAttribute('data-failed', 'false', { timeout: 30_000 });
    await expect(enrolled).toContainText('Door 2');
    await expect.poll(() => city.recordIds().includes(tap.id), { timeout: 90_000 }).toBe(true);

    // The page with the panel, an outcome, a refusal and the other computer: its text readable (axe's contrast rule) and
    // its layout sound at every screen size (softly: all listed).
    await settled(pageO);
    expect.soft((await contrastFindings(pageO, "the office's Computers page")).offenders).toEqual([]);
    for (const size of SCREEN_SIZES) {
      await pageO.setViewportSize(size);
      expect.soft(await layoutProblems(pageO, 'body', { minTarget: CONSOLE_TARGET_PX }), `the office's Computers page at ${size.width}x${size.height}`).toEqual([]);
    }
  } finally {
    for (const context of contexts) await context.close();
    for (const host of hosts.reverse()) await host.stop();
    await closeCity();
    // What each host said (its peer link's lines among them), for whoever reads a failure.
    hosts.forEach((host, i) => writeFileSync(`${host.dataDir}-${i}.log`, host.output()));
  }
  expect(pageErrors, 'errors logged by the pages').toEqual([]);
});
