// Companions' cards across machines (docs/peers.md §6 "card enrol / revoke"), over real SQLite files with their own
// device keys and the real importer: an enrolment and a revocation at one machine are the same rows at the other; one
// number enrolled for two companions while apart stays the earlier's everywhere whichever pulls first, the other
// machine revoking its own once with reason card-conflict; a replay changes nothing.
import { describe, expect, it } from 'vitest';
import { localTimeOn } from '../../../shared/domain/local-time.js';
import { CardDirectory } from '../admin/card-directory.js';
import { CardEnrolment } from '../admin/card-enrolment.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { ledgerAppliers } from '../ledger/peer-apply.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { exchange, peerMachine, pinAll, pull, tableText, type PeerMachine } from '../peers/testing/peer-machines.js';
import { rosterAppliers } from './peer-apply.js';

const appliers = { ...ledgerAppliers, ...rosterAppliers };
const NUMBER = '4512400';

const cardsOf = (m: PeerMachine) => new CardEnrolment({ db: m.db, audit: new AdminAudit(m.db), directory: new CardDirectory(m.db), settings: SettingsStore.of(m.db), deviceId: m.deviceId, cardFormat: () => 'canonical' });
const credentials = (m: PeerMachine) => tableText(m.db, "SELECT * FROM credentials WHERE origin = 'local' ORDER BY id");
const changes = (m: PeerMachine) => tableText(m.db, 'SELECT * FROM credential_changes ORDER BY id');
const companions = (m: PeerMachine) => m.db.prepare('SELECT id FROM companions ORDER BY id LIMIT 2').pluck().all() as [string, string];

function enrolled(m: PeerMachine, companionId: string, at = localTimeOn('2026-11-20', '10:00')): string {
  const outcome = cardsOf(m).enrolNumber('staff-admin', companionId, NUMBER, at);
  if (!outcome.ok || outcome.value.outcome !== 'enrolled') throw new Error(`not enrolled: ${JSON.stringify(outcome)}`);
  return outcome.value.card.credentialId;
}

function pair(): [PeerMachine, PeerMachine] {
  const a = peerMachine(0x61);
  const b = peerMachine(0x62);
  pinAll([a, b]);
  return [a, b];
}

describe("another machine's cards", () => {
  it('an enrolment and a revocation at one machine are the same rows at the other, with no outbox row, once', () => {
    const [a, b] = pair();
    const [x] = companions(a);
    const card = enrolled(a, x);
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, waiting: 0 });
    expect(credentials(b)).toEqual(credentials(a));
    expect(changes(b)).toEqual(changes(a));
    const revoked = cardsOf(a).revoke('staff-admin', card, 'lost', localTimeOn('2026-11-21', '08:00'));
    expect(revoked.ok).toBe(true);
    pull(b, a, appliers);
    expect(credentials(b)).toEqual(credentials(a));
    expect(JSON.parse(credentials(b))).toMatchObject([{ id: card, revoked_at: localTimeOn('2026-11-21', '08:00').iso }]);
    expect(b.db.prepare("SELECT count(*) FROM sync_outbox WHERE record_type = 'credential-change'").pluck().get()).toBe(0);
    const before = [credentials(b), changes(b)];
    expect(pull(b, a, appliers)).toMatchObject({ ok: true, stored: 0 });
    expect([credentials(b), changes(b)]).toEqual(before);
  });

  it('one number enrolled for two companions while apart stays the earlier enrolment’s, whichever pulls first', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const [a, b] = pair();
      const [x, y] = companions(a);
      const kept = enrolled(a, x);
      b.clock.ms += 5_000;
      const lost = enrolled(b, y, localTimeOn('2026-11-20', '10:05'));
      exchange(order === 'a-first' ? [a, b] : [b, a], appliers);
      expect(credentials(a)).toEqual(credentials(b));
      expect(changes(a)).toEqual(changes(b));
      const rows = JSON.parse(credentials(a)) as { id: string; value: string; revoked_at: string | null }[];
      expect(rows.find((r) => r.id === kept)).toMatchObject({ value: NUMBER, revoked_at: null });
      expect(rows.find((r) => r.id === lost)).toMatchObject({ value: `retired:${lost}:${NUMBER}` });
      expect(rows.find((r) => r.id === lost)?.revoked_at).not.toBeNull();
      // B revoked its own card once, for the city too; A wrote nothing for it.
      const revokes = b.db.prepare("SELECT credential_id, reason FROM credential_changes WHERE action = 'revoke'").all();
      expect(revokes).toEqual([{ credential_id: lost, reason: 'card-conflict' }]);
      expect(b.db.prepare("SELECT count(*) FROM sync_outbox WHERE record_type = 'credential-change'").pluck().get()).toBe(2);
      expect(a.db.prepare("SELECT count(*) FROM sync_outbox WHERE record_type = 'credential-change'").pluck().get()).toBe(1);
    }
  });
});
