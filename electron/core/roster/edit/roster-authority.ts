// Whose the roster is. A kiosk on its own (never enrolled with a city) keeps its roster itself; an enrolled kiosk only
// where the city's roster said rosterManagedBy 'kindergarten' (docs/sync-protocol.md). Everywhere else the city's
// roster is the only source and hand edits are refused, here and by the city.
import { SYNC_KEYS, type SyncStateStore } from '../../ledger/sync-state.js';
import type { SettingsStore } from '../../ledger/settings-store.js';

export interface RosterAuthorityDeps {
  settings: SettingsStore;
  sync: SyncStateStore;
}

export function rosterKeptHere({ settings, sync }: RosterAuthorityDeps): boolean {
  return sync.get(SYNC_KEYS.serverUrl) === null || settings.get('rosterManagedBy') === 'kindergarten';
}
