// The kindergarten settings' part of the one-time backfill (docs/peers.md §9 "Backfill, once"; peers/backfill.ts runs
// it): one `setting` record per kindergarten key (§6's list, KINDERGARTEN_SETTING_KEYS) whose value here differs from
// its default, as SettingsStore.set appends one, so a machine that joins counts the табель, the act and the door's
// rules by the kindergarten's decisions and not by its own defaults. A key at its default needs no record: the joiner
// reads the same default. A key whose register already has a record (set after the peer log existed, or taken in from
// another machine) is not restated: its newer state is in the log.
// The time zone is a kindergarten key like the others: stored here before the peer log existed, it is the zone this
// kindergarten has run by (chosen by an admin, or the OS's taken at the first start, which nobody changed since), and
// a joiner's own first-start zone is never a record (SettingsStore.setHere), so the door's reaches the office. A fresh
// machine backfills before its first start stores the OS's zone (kiosk-core.ts), so it restates none.
import { SettingBodySchema } from '../../../shared/peers/peer-record.js';
import type { BackfillPiece } from './backfill-writer.js';
import { KINDERGARTEN_SETTING_KEYS, settingDeclarations, SettingsStore } from './settings-store.js';

export const settingsBackfill: BackfillPiece = (db, out) => {
  const settings = SettingsStore.of(db);
  const stored = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM settings WHERE key = ?');
  for (const key of KINDERGARTEN_SETTING_KEYS) {
    // No row: the default, whatever the declaration says. A damaged row reads as its fallback and is compared like every other value.
    if (stored.get(key) === undefined) continue;
    const value: unknown = settings.get(key);
    if (JSON.stringify(value) === JSON.stringify(settingDeclarations[key].default)) continue;
    const body = SettingBodySchema.safeParse({ key, value });
    if (body.success) out.register({ kind: 'setting', body: body.data });
  }
};
