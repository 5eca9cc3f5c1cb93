// The door's own settings (language, camera, name) from a status: there when it is ready, and also while it cannot
// record but still reads cards and lets staff in; null while the records cannot be opened at all.
import type { KioskStatus, ReadyStatus } from '../../../shared/api/contract.js';

export function doorOf(status: KioskStatus | null): ReadyStatus | null {
  if (status?.state === 'ready') return status;
  if (status?.state === 'cannot-record') return status.door;
  return null;
}
