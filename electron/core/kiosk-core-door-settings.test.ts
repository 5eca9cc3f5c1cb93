import { describe, expect, it } from 'vitest';
import { KioskCore } from './kiosk-core.js';
import { readerConfig } from './readers/testing/reader-harness.js';
import { loadRecordedStream } from './readers/testing/recorded-stream.js';
import { ReplayHid } from './readers/testing/replay-hid.js';
import { tempDataDir } from './testing/fixtures.js';
import { watchedCore } from './testing/watched-core.js';

const device = { vendorId: 0xffff, productId: 0x0035, path: '/dev/hidraw3' };
const quiet = { log: () => undefined };

/** The demo admin's session (README: Жанна, 2468). */
async function adminSession(core: KioskCore): Promise<string> {
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
  return signedIn.value.session.sessionId;
}

describe("the door's settings, changed from the console", () => {
  it('opens an HID reader the admin adds, with no restart, and its cards arrive', async () => {
    const hid = new ReplayHid(device, loadRecordedStream('keyboard-em-decimal.hex'));
    const { core, payloads, until } = watchedCore({ dataDir: tempDataDir(), demo: true, hid, ...quiet });
    expect(core.handlers.getReaders({})).toEqual({ ok: true, value: { readers: [] } });
    const sessionId = await adminSession(core);
    const { name, vendorId, productId, format } = readerConfig({ format: 'em-decimal' });
    const saved = core.handlers.adminSetDoorSettings({ sessionId, change: { hidReaders: [{ name, vendorId, productId, format }] } });
    expect(saved).toMatchObject({ ok: true });
    await until(() => payloads('cardRead').length === 2);
    expect(payloads('cardRead')[0]).toEqual({ raw: '4512346', source: 'hid' });
    expect(core.handlers.getReaders({})).toMatchObject({ value: { readers: [{ id: 'hid:ffff:0035', state: 'connected' }] } });
    // Removing it closes it and the staff strip hears there is none.
    core.handlers.adminSetDoorSettings({ sessionId, change: { hidReaders: [] } });
    await until(() => hid.closed === 1);
    expect(payloads('readersChanged').at(-1)).toEqual({ readers: [] });
    core.close();
  });

  it('puts the default language, the sound level and the camera into the status the UI follows', async () => {
    const dataDir = tempDataDir();
    const { core, payloads } = watchedCore({ dataDir, demo: true, ...quiet });
    expect(core.handlers.getStatus({})).toMatchObject({ value: { defaultLanguage: 'kk', sound: 'normal' } });
    core.handlers.adminSetDoorSettings({ sessionId: await adminSession(core), change: { defaultLanguage: 'ru', sound: 'quiet', cameraDeviceId: 'usb-cam-2' } });
    expect(payloads('statusChanged').at(-1)).toMatchObject({ defaultLanguage: 'ru', sound: 'quiet', cameraDeviceId: 'usb-cam-2' });
    core.close();
    // Kept across a restart.
    const again = new KioskCore({ dataDir, demo: true, ...quiet });
    expect(again.handlers.getStatus({})).toMatchObject({ value: { defaultLanguage: 'ru', sound: 'quiet', cameraDeviceId: 'usb-cam-2' } });
    again.close();
  });
});
