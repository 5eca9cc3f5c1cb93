// Sessions and PIN records from elsewhere (docs/peers.md §5 "Threads", StaffDesk.peersApplied): a session ends when the
// records another machine sent changed its member's PIN here, not whenever they carried some staff-pin record. A stick
// read by an admin brings the group's PIN records, hers among them, nearly always unchanged; ending her session for
// them closed the console and the outcome on it (found on the Computers page's stick panel).
import { describe, expect, it } from 'vitest';
import { staffKit, value } from './testing/staff-kit.js';

describe('a PIN record taken from another machine', () => {
  it("ends no session whose member's PIN it left as it was", async () => {
    const kit = staffKit();
    const admin = await kit.signIn('staff-admin', '2468');
    const nurse = await kit.signIn('staff-nurse', '1357');
    kit.desk.peersApplied(['staff-admin', 'staff-nurse']);
    expect(kit.desk.session(admin).ok).toBe(true);
    expect(kit.desk.session(nurse).ok).toBe(true);
  });

  it('ends the session of the member whose PIN it changed, and only hers', async () => {
    const kit = staffKit();
    const admin = await kit.signIn('staff-admin', '2468');
    const nurse = await kit.signIn('staff-nurse', '1357');
    // As the staff-pin applier writes the decided row: another hash and salt for the nurse.
    const row = kit.db.prepare<[], { hash: Buffer; salt: Buffer }>("SELECT hash, salt FROM staff_pins WHERE staff_id = 'staff-nurse'").get();
    if (row === undefined) throw new Error('the nurse has no PIN');
    const flipped = (b: Buffer): Buffer => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 0x01 : x)));
    kit.db.prepare("UPDATE staff_pins SET hash = ?, salt = ? WHERE staff_id = 'staff-nurse'").run(flipped(row.hash), flipped(row.salt));
    kit.desk.peersApplied(['staff-admin', 'staff-nurse']);
    expect(kit.desk.session(admin).ok).toBe(true);
    expect(kit.desk.session(nurse).ok).toBe(false);
    expect(kit.read<{ staff_id: string; detail: string }>("SELECT staff_id, detail FROM staff_audit WHERE action = 'sign-out'")).toEqual([{ staff_id: 'staff-nurse', detail: JSON.stringify({ why: 'changed-elsewhere' }) }]);
  });

  it('keeps the session of a member who changed her own PIN here', async () => {
    const kit = staffKit();
    const nurse = await kit.signIn('staff-nurse', '1357');
    expect(value(await kit.call('staffChangeOwnPin', { sessionId: nurse, oldPin: '1357', newPin: '8024' }))).toEqual({ outcome: 'changed' });
    kit.desk.peersApplied(['staff-nurse']);
    expect(kit.desk.session(nurse).ok).toBe(true);
  });

  it('ends the session of a member whose PIN it took away, or whose role it changed', async () => {
    const kit = staffKit();
    const admin = await kit.signIn('staff-admin', '2468');
    const nurse = await kit.signIn('staff-nurse', '1357');
    kit.db.prepare("DELETE FROM staff_pins WHERE staff_id = 'staff-nurse'").run();
    kit.db.prepare("UPDATE staff SET role = 'staff' WHERE id = 'staff-admin'").run();
    kit.desk.peersApplied(['staff-admin', 'staff-nurse']);
    expect(kit.desk.session(admin).ok).toBe(false);
    expect(kit.desk.session(nurse).ok).toBe(false);
  });
});
