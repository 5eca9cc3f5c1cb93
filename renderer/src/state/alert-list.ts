// The staff alerts on screen: newest first, each once, and only a few (the banner must not bury the screen).
import type { StaffAlert } from '../../../shared/api/contract.js';

export const MAX_ALERTS = 5;

export function withAlert(current: readonly StaffAlert[], alert: StaffAlert): readonly StaffAlert[] {
  return [alert, ...current.filter((a) => a.id !== alert.id)].slice(0, MAX_ALERTS);
}

export function withoutAlert(current: readonly StaffAlert[], id: string): readonly StaffAlert[] {
  return current.filter((a) => a.id !== id);
}
