// Pairing end to end between two real SQLite files over the real peer port on 127.0.0.1: the code, the exchange, the
// welcome taken, and both machines' peer_members, pepper and audit; the refusals a joiner's admin sees.
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rawPublicKey } from '../credentials/ed25519.js';
import { decideRegister } from '../ledger/merge-rules.js';
import { memberAppliers } from '../ledger/member-apply.js';
import { appendRegisterEdit, registerRecords } from '../ledger/peer-registers.js';
import { startPeerListener, type PeerListener } from './link/peer-listener.js';
import { revokeMember } from './member-admin.js';
import { readGroup } from './peer-group.js';
import { joinGroup, peerAddressOf, SponsorPairing } from './pairing-run.js';
import { importPage } from './record-import.js';
import { ADMIN, pairMachine, type PairMachine } from './testing/pairing-kit.js';
import { PAIRING_CODE_TTL_MS } from './channel/pairing-code.js';

const PEPPER = Buffer.alloc(32, 0x5a);
const listeners: PeerListener[] = [];
afterEach(async () => {
  for (const l of listeners.splice(0)) await l.close();
});

async function sponsorOn(m: PairMachine): Promise<{ pairing: SponsorPairing; address: string; lines: string[] }> {
  const lines: string[] = [];
  const pairing = new SponsorPairing({ db: m.db, own: () => m.own, clock: m.clock, log: (line) => lines.push(line) });
  const listener = await startPeerListener({
    host: '127.0.0.1',
    port: 0,
    onConnection: (c) => (c.path === 'pair' ? pairing.accept(c) : c.close(4002, 'not in this test')),
    log: (line) => lines.push(line),
  });
  listeners.push(listener);
  return { pairing, address: `127.0.0.1:${listener.port}`, lines };
}

function join(j: PairMachine, address: string, code: string) {
  return joinGroup({ db: j.db, own: j.own, by: null, adoptPepper: j.adoptPepper, at: j.at, address, code, connectMs: 2_000, exchangeMs: 20_000 });
}

interface MemberRow {
  device_id: string;
  name: string;
  role: string;
  sign_pub: Buffer;
  dh_pub: Buffer;
  paired_by: string | null;
  revoked_at: string | null;
}
function members(db: Database): MemberRow[] {
  return db.prepare<[], MemberRow>('SELECT device_id, name, role, sign_pub, dh_pub, paired_by, revoked_at FROM peer_members ORDER BY name').all();
}
/** Each audit row with one field of its detail. */
function audits(db: Database, field: string): [string, string, unknown][] {
  return db
    .prepare<[], { action: string; staff_id: string; detail: string }>('SELECT action, staff_id, detail FROM admin_audit ORDER BY occurred_ms, rowid')
    .all()
    .map((a) => {
      const detail: unknown = JSON.parse(a.detail);
      const entries: [string, unknown][] = typeof detail === 'object' && detail !== null ? Object.entries(detail) : [];
      const value = entries.find(([k]) => k === field)?.[1];
      return [a.action, a.staff_id, value];
    });
}

describe('pairing by code over the peer port', () => {
  it('pairs: the same group and pepper on both, each other pinned under the right keys, the pairing audited on both', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x21, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x22, kindergarten: { id: 'kg-setup', name: 'named at setup' }, staff: [ADMIN] });
    const { pairing, address } = await sponsorOn(office);
    const opened = pairing.open({ staffId: ADMIN }, [address], PEPPER);
    expect(opened.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(opened.expiresMs).toBe(office.clock.now().getTime() + PAIRING_CODE_TTL_MS);

    const joined = await join(door, address, opened.code.toLowerCase());
    expect(joined).toEqual({ ok: true, value: { groupId: readGroup(office.db)?.groupId, kindergarten: { id: 'kg-0001', name: 'Балапан' }, sponsor: { deviceId: office.own.deviceId, name: 'Office' }, members: 2 } });
    expect(readGroup(door.db)).toMatchObject({ groupId: readGroup(office.db)?.groupId, sponsorDeviceId: office.own.deviceId, city: null });
    expect(door.db.prepare('SELECT id, name FROM kindergarten').all()).toEqual([{ id: 'kg-0001', name: 'Балапан' }]);
    expect(door.pepper().equals(PEPPER)).toBe(true);

    for (const m of [office, door]) {
      const rows = members(m.db);
      expect(rows.map((r) => [r.device_id, r.name, r.role, r.paired_by, r.revoked_at])).toEqual([
        [door.own.deviceId, 'Door 2', 'door', ADMIN, null],
        [office.own.deviceId, 'Office', 'office', ADMIN, null],
      ]);
      expect(rows[0]?.sign_pub.equals(rawPublicKey(door.own.signKey))).toBe(true);
      expect(rows[0]?.dh_pub.equals(door.own.dhPub)).toBe(true);
      expect(rows[1]?.sign_pub.equals(rawPublicKey(office.own.signKey))).toBe(true);
    }
    expect(audits(office.db, 'side')).toEqual([['peer-paired', ADMIN, 'sponsor']]);
    expect(audits(door.db, 'side')).toEqual([['peer-paired', ADMIN, 'joiner']]);
    // The joiner keeps none of the welcome's records in its log: it takes the office's log from seq 1 in the catch-up.
    expect(door.db.prepare('SELECT count(*) AS n FROM peer_log').get()).toEqual({ n: 0 });
    expect(door.db.prepare('SELECT device_id, address FROM peer_addresses').all()).toEqual([{ device_id: office.own.deviceId, address }]);
    // The code served its one pairing.
    expect(pairing.openUntilMs()).toBeNull();
  }, 30_000);

  it('the new member record verifies at a third machine through the import and its applier', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x31, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x32 });
    const third = pairMachine({ name: 'Door 1', seed: 0x33 });
    const { pairing, address } = await sponsorOn(office);
    expect((await join(door, address, pairing.open({ staffId: ADMIN }, [], PEPPER).code)).ok).toBe(true);
    // The third machine knows the office only (as its own welcome would have told it), and pulls the office's log.
    const officeFirst = office.log.page({}, 1);
    expect(officeFirst.map((r) => r.kind)).toEqual(['member']);
    const records = office.log.page({}, 1000);
    const last = records.at(-1);
    if (last === undefined) throw new Error('no records');
    const head = office.log.headOf(last.deviceId, last.seq);
    if (head === null) throw new Error('no head');
    const page = { records, heads: [head] };
    const imported = importPage(third.db, page, { ownDeviceId: third.own.deviceId, appliers: memberAppliers, nowMs: () => 0, member: (id) => (id === office.own.deviceId ? { signPub: office.log.publicKey, revoked: false, acceptUpToSeq: null } : null) });
    expect(imported).toMatchObject({ ok: true, stored: 2, applied: 2 });
    const row = third.db.prepare<[string], { sign_pub: Buffer; paired_by: string; name: string }>('SELECT sign_pub, paired_by, name FROM peer_members WHERE device_id = ?').get(door.own.deviceId);
    expect(row?.sign_pub.equals(rawPublicKey(door.own.signKey))).toBe(true);
    expect(row?.paired_by).toBe(ADMIN);
    // The same page with the new member's record changed by one byte is refused whole.
    const forged = records.map((r) => (r.seq === 2 ? { ...r, body: (r.body ?? '').replace('Door 2', 'Door 9') } : r));
    const other = pairMachine({ name: 'Door 3', seed: 0x34 });
    expect(importPage(other.db, { records: forged, heads: [head] }, { ownDeviceId: other.own.deviceId, appliers: memberAppliers, nowMs: () => 0, member: (id) => (id === office.own.deviceId ? { signPub: office.log.publicKey, revoked: false, acceptUpToSeq: null } : null) })).toMatchObject({ ok: false, refusal: { code: 'PEER_BAD_RECORD' } });
  }, 30_000);

  it('a wrong code is PAIR_CODE_WRONG; the third burns it, and the right one is then PAIR_CODE_EXPIRED', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x41, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x42 });
    const { pairing, address } = await sponsorOn(office);
    const { code } = pairing.open({ staffId: ADMIN }, [], PEPPER);
    const wrong = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    for (let i = 0; i < 3; i += 1) expect(await join(door, address, wrong)).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_WRONG' } });
    expect(await join(door, address, code)).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_EXPIRED' } });
    expect(readGroup(door.db)).toBeNull();
    expect(members(door.db)).toEqual([]);
    expect(members(office.db).map((r) => r.name)).toEqual(['Office']);
    // Three wrong tries from one address are one audit row within the hour; the burnt code's refusal is another kind.
    expect(audits(office.db, 'code')).toEqual([
      ['peer-pair-refused', ADMIN, 'PAIR_CODE_WRONG'],
      ['peer-pair-refused', ADMIN, 'PAIR_CODE_USED'],
    ]);
  }, 60_000);

  it('a code past its ten minutes is PAIR_CODE_EXPIRED (the clock handed in), as is none open', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x51, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x52 });
    const { pairing, address } = await sponsorOn(office);
    expect(await join(door, address, '7KQ4-M2XD-9RTB')).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_EXPIRED', detail: 'PAIR_NO_CODE' } });
    const { code } = pairing.open({ staffId: ADMIN }, [], PEPPER);
    office.clock.advance(PAIRING_CODE_TTL_MS);
    expect(pairing.openUntilMs()).toBeNull();
    expect(await join(door, address, code)).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_EXPIRED', detail: 'PAIR_CODE_EXPIRED' } });
    expect(readGroup(door.db)).toBeNull();
  }, 30_000);

  it('a second computer on a used code is PAIR_CODE_EXPIRED; a computer already in a group does not dial at all', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x61, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x62 });
    const late = pairMachine({ name: 'Door 3', seed: 0x63 });
    const { pairing, address, lines } = await sponsorOn(office);
    const { code } = pairing.open({ staffId: ADMIN }, [], PEPPER);
    expect((await join(door, address, code)).ok).toBe(true);
    expect(await join(late, address, code)).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_EXPIRED', detail: 'PAIR_CODE_USED' } });
    const before = lines.length;
    const second = pairing.open({ staffId: ADMIN }, [], PEPPER);
    expect(await join(door, address, second.code)).toMatchObject({ ok: false, error: { code: 'PEER_ALREADY_IN_GROUP' } });
    // Refused before any connection: the sponsor heard nothing, and the new code is still open.
    expect(lines.slice(before).filter((l) => l.includes('refused'))).toEqual([]);
    expect(pairing.openUntilMs()).toBe(second.expiresMs);
  }, 30_000);

  it('a computer with staff PINs of its own joins: its PINs voided among the records it brings, its pepper set aside', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x71, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x72, staff: ['own-admin'] });
    const ownPepper = door.pepper();
    const pin = { staffId: 'own-admin', hash: Buffer.alloc(32, 7).toString('base64url'), salt: Buffer.alloc(16, 3).toString('base64url'), params: { N: 16384, r: 8, p: 1 }, setAt: '2026-11-02T09:00:00+05:00', setBy: null };
    door.db.transaction(() => {
      appendRegisterEdit(door.db, { kind: 'staff-pin', body: pin }, door.clock.now().getTime());
      door.db.prepare("INSERT INTO staff_pins (staff_id, hash, salt, params, set_at) VALUES ('own-admin', ?, ?, 'scrypt:N=16384,r=8,p=1', ?)").run(Buffer.alloc(32, 7), Buffer.alloc(16, 3), pin.setAt);
    })();
    const pinOf = (): unknown => decideRegister(registerRecords(door.db, { kind: 'staff-pin', body: pin })).value;

    // Nobody answers: the PIN is put back as it was, and its row never left.
    expect(await join(door, '127.0.0.1:9', '7KQ4-M2XD-9RTB')).toMatchObject({ ok: false, error: { code: 'PEER_UNREACHABLE' } });
    expect(pinOf()).toEqual(pin);
    expect(door.db.prepare('SELECT count(*) AS n FROM staff_pins').get()).toEqual({ n: 1 });

    const { pairing, address } = await sponsorOn(office);
    const joined = await join(door, address, pairing.open({ staffId: ADMIN }, [], PEPPER).code);
    expect(joined.ok).toBe(true);
    // Its last own seq is the void's: the sponsor pinned it as broughtSeq, so everything it had is pre-join.
    const last = door.db.prepare<[string], { seq: number; kind: string; body: string }>('SELECT seq, kind, body FROM peer_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1').get(door.own.deviceId);
    expect(last?.kind).toBe('staff-pin');
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject({ staffId: 'own-admin', hash: null });
    for (const m of [office, door]) {
      expect(m.db.prepare('SELECT brought_seq FROM peer_members WHERE device_id = ?').get(door.own.deviceId), m.own.name).toEqual({ brought_seq: last?.seq });
      expect(m.db.prepare('SELECT brought_seq FROM peer_members WHERE device_id = ?').get(office.own.deviceId), m.own.name).toEqual({ brought_seq: null });
    }
    expect(pinOf()).toMatchObject({ staffId: 'own-admin', hash: null });
    expect(door.db.prepare('SELECT count(*) AS n FROM staff_pins').get()).toEqual({ n: 0 });
    expect(door.pepper().equals(PEPPER)).toBe(true);
    expect(ownPepper.equals(PEPPER)).toBe(false);
  }, 30_000);

  it('nothing listening, or no address at all, is PEER_UNREACHABLE', async () => {
    const door = pairMachine({ name: 'Door 2', seed: 0x82 });
    const closed = await startPeerListener({ host: '127.0.0.1', port: 0, onConnection: () => undefined, log: () => undefined });
    const port = closed.port;
    await closed.close();
    expect(await join(door, `127.0.0.1:${port}`, '7KQ4-M2XD-9RTB')).toMatchObject({ ok: false, error: { code: 'PEER_UNREACHABLE' } });
    expect(await join(door, 'two words', '7KQ4-M2XD-9RTB')).toMatchObject({ ok: false, error: { code: 'PEER_UNREACHABLE' } });
  });
});

describe('peerAddressOf', () => {
  it('takes what an admin types, with the peer port when none is given', () => {
    expect(peerAddressOf(' 192.168.1.23:47620 ')).toBe('192.168.1.23:47620');
    expect(peerAddressOf('office-pc')).toBe('office-pc:47620');
    expect(peerAddressOf('ws://10.0.0.5:47621/esik-peer/1')).toBe('10.0.0.5:47621');
    expect(peerAddressOf('10.0.0.5:70000')).toBeNull();
    expect(peerAddressOf('a b')).toBeNull();
    expect(peerAddressOf('')).toBeNull();
  });
});

describe('removing a computer', () => {
  it('appends member-revoked with the cut at what this machine holds; itself or a stranger is INVALID_REQUEST', async () => {
    const office = pairMachine({ name: 'Office', seed: 0x91, role: 'office', staff: [ADMIN] });
    const door = pairMachine({ name: 'Door 2', seed: 0x92 });
    const { pairing, address } = await sponsorOn(office);
    expect((await join(door, address, pairing.open({ staffId: ADMIN }, [], PEPPER).code)).ok).toBe(true);
    expect(revokeMember(office.db, office.own.deviceId, 'no', { staffId: ADMIN })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(revokeMember(office.db, 'nobody', 'no', { staffId: ADMIN })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(revokeMember(office.db, door.own.deviceId, ' stolen from the hall ', { staffId: ADMIN })).toEqual({ ok: true, value: { acceptUpToSeq: 0 } });
    const row = office.db.prepare<[string], { revoked_at: string | null; accept_up_to_seq: number | null }>('SELECT revoked_at, accept_up_to_seq FROM peer_members WHERE device_id = ?').get(door.own.deviceId);
    expect(row?.accept_up_to_seq).toBe(0);
    expect(row?.revoked_at).not.toBeNull();
    const last = office.log.page({}, 1000).at(-1);
    expect(last?.kind).toBe('member-revoked');
    expect(JSON.parse(last?.body ?? '{}')).toEqual({ deviceId: door.own.deviceId, acceptUpToSeq: 0, reason: 'stolen from the hall', staffId: ADMIN });
  }, 30_000);
});
