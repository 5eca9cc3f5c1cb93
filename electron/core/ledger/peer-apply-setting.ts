// Another machine's kindergarten setting (docs/peers.md §6 "kindergarten settings"): a register per key, the later HLC
// then device id winning; the settings row is the decided value, written without a record of its own. A door-only key
// never travels, so one arriving is ignored; a key this version does not know (a newer machine's) waits for it.
import type { PeerApplier } from './peer-applier.js';
import { settleRegister } from './peer-registers.js';
import { decidedNowMs, registerOfRecord } from './register-apply.js';
import { isKindergartenKey, settingDeclarations, SettingsStore } from './settings-store.js';

export const applySetting: PeerApplier = (db, record) => {
  const parsed = registerOfRecord(record);
  if (parsed === null || parsed.kind !== 'setting') return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: 'not a setting body' };
  const key = parsed.body.key;
  if (!isKindergartenKey(key)) {
    // A machine's own key (its reader, its language) is its hardware's: kept in the log, never followed here.
    if (key in settingDeclarations) return { outcome: 'applied' };
    return { outcome: 'waiting', waitsFor: `setting:${key}` };
  }
  const { decision } = settleRegister(db, parsed, { nowMs: decidedNowMs(db) });
  const value = decision.value;
  if (!('key' in value) || !('value' in value)) return { outcome: 'refused', code: 'PEER_BAD_RECORD', why: `setting ${key} decided as no setting` };
  // A winner this version cannot read (a newer machine's range) waits for a version that can.
  if (!SettingsStore.of(db).project(key, value.value)) return { outcome: 'waiting', waitsFor: `setting-value:${key}` };
  return { outcome: 'applied' };
};
