// The proofs' machine harness itself: a built web host as a child process, a tap through the kiosk API recorded in
// its file, a SIGKILL that leaves the record in place, and a restart on the same folder that answers again.
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../electron/core/testing/fixtures.js';
import { useMachineHost } from './machine-host.js';
import { startMachine } from './machine.js';

// Алиса's mother's card in the demo kindergarten (one child: the tap records by itself).
const ELENA_CARD = '0004512346';

describe('a machine of the proofs', () => {
  const machineCli = useMachineHost();

  it('records a tap, survives a kill with the tap in its file, and answers again after a restart', async () => {
    const cli = machineCli();
    const door = await startMachine({ cli, name: 'door 1', dataDir: tempDataDir(), demo: true });
    try {
      // The evening pick-up rule would make a first tap after 15:00 a pick-up check: the test runs at any hour.
      door.writeSetting('collectCheckFrom', null);
      const tap = await door.call('identifyCard', { raw: ELENA_CARD, source: 'keyboard-wedge' });
      expect(tap.ok && tap.value.kind).toBe('recorded');
      const before = door.read<{ n: number }>('SELECT count(*) AS n FROM attendance_events')[0]?.n;
      expect(before).toBeGreaterThan(0);
      await door.kill();
      expect(door.running).toBe(false);
      await expect(door.call('getStatus', {})).rejects.toThrow('not running');
      await door.start();
      expect(door.read<{ n: number }>('SELECT count(*) AS n FROM attendance_events')[0]?.n).toBe(before);
      const status = await door.call('getStatus', {});
      expect(status.ok && status.value.state).toBe('ready');
    } finally {
      await door.stop();
    }
  }, 60_000);
});
