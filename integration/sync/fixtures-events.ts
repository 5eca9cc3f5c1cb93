// Writing test events through the real attendance log (each with its outbox row, as at the door). Free of vitest, so
// the child kiosk process of the SIGKILL test can use it too.
import { toLocalTime } from '../../shared/domain/local-time.js';
import { demoRoster } from '../../electron/core/demo/demo-roster.js';
import type { AttendanceLog } from '../../electron/core/ledger/attendance-log.js';

const CHILD_IDS = demoRoster().children.map((c) => c.id);

/**
 * Writes `count` arrivals through the attendance log, `perTransaction` at a time, one kiosk-clock minute apart from
 * startMs (Almaty time). Returns the ids in order.
 */
export function recordEvents(log: AttendanceLog, count: number, startMs: number, perTransaction = 100): string[] {
  const ids: string[] = [];
  for (let done = 0; done < count; done += perTransaction) {
    const n = Math.min(perTransaction, count - done);
    const at = toLocalTime(new Date(startMs + done * 60_000), 300);
    const drafts = Array.from({ length: n }, (_, i) => ({
      childId: CHILD_IDS[(done + i) % CHILD_IDS.length] ?? '',
      kind: 'arrival' as const,
      method: 'rfid' as const,
      companionId: null,
      credentialId: null,
      staffId: null,
    }));
    for (const e of log.append(drafts, at)) ids.push(e.id);
  }
  return ids;
}
