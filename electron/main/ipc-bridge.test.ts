// KioskApi over IPC against the stand-in 'electron' module and a real core on a real records file: the one handler
// registered, answering the app's own top frame and nobody else, with the contract's checks on every request.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL } from '../../shared/api/ipc-channels.js';
import { KioskCore } from '../core/kiosk-core.js';
import { manualClock, tempDataDir } from '../core/testing/fixtures.js';
import { bindKioskApi } from './ipc-bridge.js';
import { childFrame, electronFake, topFrame } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

beforeEach(() => electronFake.reset());

function coreOnDisk(): KioskCore {
  const core = new KioskCore({ dataDir: tempDataDir(), demo: true, clock: manualClock('2026-12-03T03:10:00.000Z'), log: () => undefined });
  return core;
}

describe('KioskApi over IPC', () => {
  it('registers exactly the one invoke channel, and answers the app window through the contract', async () => {
    const core = coreOnDisk();
    const lines: string[] = [];
    try {
      bindKioskApi(core.handlers, (line) => lines.push(line));
      expect([...electronFake.ipcMain.handlers.keys()]).toEqual([IPC_CALL]);
      const app = topFrame('esik://app/index.html');
      const status = (await electronFake.ipcMain.invoke(IPC_CALL, app, 'getStatus', {})) as { ok: boolean; value?: { state?: string } };
      expect(status.ok).toBe(true);
      expect(status.value?.state).toBe('ready');
      // A card of the demo roster, through the core's own rules: the siblings are offered.
      const scan = (await electronFake.ipcMain.invoke(IPC_CALL, app, 'identifyCard', { raw: '0004512345', source: 'keyboard-wedge' })) as { ok: boolean };
      expect(scan.ok).toBe(true);
      expect(await electronFake.ipcMain.invoke(IPC_CALL, app, 'noSuchRequest', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
      expect(await electronFake.ipcMain.invoke(IPC_CALL, app, 'setLanguage', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(lines).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('refuses an iframe, a page that navigated away, a look-alike origin and a frame that is gone, before the core is asked', async () => {
    const core = coreOnDisk();
    const lines: string[] = [];
    try {
      bindKioskApi(core.handlers, (line) => lines.push(line));
      const refused = { ok: false, error: { code: 'UNKNOWN_REQUEST', detail: 'sender is not the kiosk window' } };
      for (const frame of [
        childFrame('esik://app/index.html', 'esik://app/index.html'),
        topFrame('https://example.com/'),
        topFrame('esik://app.evil/index.html'),
        topFrame('file:///opt/Esik/resources/app.asar/dist/renderer/index.html'),
        null,
      ]) {
        // setLanguage writes nothing when refused: the language stays the demo's.
        expect(await electronFake.ipcMain.invoke(IPC_CALL, frame, 'setLanguage', { language: 'en' })).toEqual(refused);
      }
      const status = (await electronFake.ipcMain.invoke(IPC_CALL, topFrame('esik://app/'), 'getStatus', {})) as { value: { language: string } };
      expect(status.value.language).toBe('kk');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toBe('[main] a request from esik://app/index.html refused: not the kiosk window');
      expect(lines[4]).toBe('[main] a request from a frame that is gone refused: not the kiosk window');
    } finally {
      core.close();
    }
  });
});
