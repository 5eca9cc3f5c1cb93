// Remembers, beside the database, that the full check found the file damaged: the next start (or Retry) shows the
// damaged screen at once instead of opening the door on a file known to be broken until the check finds it again.
// Whoever repairs or replaces the file removes this marker.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function damageMarkerPath(databasePath: string): string {
  return `${databasePath}.damaged`;
}

export function readDamageMarker(databasePath: string): string | null {
  const path = damageMarkerPath(databasePath);
  if (!existsSync(path)) return null;
  try {
    return readFileSync(path, 'utf8').trim() || 'damage found by an earlier check';
  } catch (error) {
    return `damage found by an earlier check (marker unreadable: ${error instanceof Error ? error.message : String(error)})`;
  }
}

export function writeDamageMarker(databasePath: string, detail: string, at: Date): void {
  writeFileSync(damageMarkerPath(databasePath), `${at.toISOString()} ${detail}\n`, { mode: 0o600 });
}
