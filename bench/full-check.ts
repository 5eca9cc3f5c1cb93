// The full database check a start runs in the background (ledger/chain-audit.ts: SQLite's integrity check, then the
// walk over this device's whole chain) on the million-event admin fixture: `BENCH full_check_1m_s` (wall) and
// `BENCH full_check_1m_cpu_s` (user and system time of this process, steadier on a shared machine), with the system
// time on its own line: the integrity check's page reads show there. Alone: `npx tsx bench/full-check-main.ts`.
import { auditDatabase } from '../electron/core/ledger/chain-audit.js';
import { adminFixture, FIXTURE } from './admin-fixture.js';
import { report } from './stats.js';

export function benchFullCheck(): void {
  const { path } = adminFixture((line) => console.log(line));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // Read-only, as the kiosk's check opens it: the kept fixture is not changed.
  const outcome = auditDatabase({ databasePath: path, deviceId: FIXTURE.deviceId, nativeBinding: null });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (outcome.kind !== 'checked' || !outcome.chain.intact) throw new Error(`the fixture did not check whole: ${JSON.stringify(outcome)}`);
  console.log(`[bench] full check of ${String(outcome.chain.events)} events: user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s`);
  report('full_check_1m_s', seconds, 's');
  report('full_check_1m_cpu_s', (cpu.user + cpu.system) / 1e6, 's');
}
