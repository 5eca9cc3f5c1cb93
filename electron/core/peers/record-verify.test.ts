// The receiver's judge of a page, with real Ed25519 keys and real hashes (docs/peers.md §5 "Pulling and being told").
import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HaveVector, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { generateSigningKey } from '../credentials/ed25519.js';
import { signHead } from '../ledger/peer-hash.js';
import { verifyPage, type MemberKey, type PageToVerify, type PageVerdict } from './record-verify.js';
import { PeerChainKit, rehash } from './testing/peer-chain-kit.js';

const OWN = 'own-device';

/** A door's log: a member record for a newcomer, an arrival, an absence, a setting, a PIN. */
function doorChain(): PeerChainKit {
  const kit = new PeerChainKit({ deviceId: 'door-1' });
  kit.attendance({ childId: 'child-1' });
  kit.append('absence', kit.absenceBody('0196f3a2-0000-7000-8000-000000000001'), { id: '0196f3a2-0000-7000-8000-000000000001' });
  kit.append('setting', { key: 'closingTime', value: '19:00' });
  kit.append('staff-pin', { staffId: 'staff-1', hash: Buffer.alloc(32, 1).toString('base64url'), salt: Buffer.alloc(16, 2).toString('base64url'), params: { N: 16384, r: 8, p: 1 }, setAt: '2026-11-20T09:00:00+05:00', setBy: null });
  kit.attendance({ childId: 'child-1', kind: 'departure' });
  return kit;
}

interface Receiver {
  members?: Record<string, MemberKey>;
  held?: readonly PeerRecord[];
}

function verify(records: readonly PeerRecord[], heads: readonly SignedHead[], receiver: Receiver, archived: readonly SignedHead[] = [], archivedThrough = 0): PageVerdict {
  const held = receiver.held ?? [];
  const have: HaveVector = {};
  for (const r of held) have[r.deviceId] = Math.max(have[r.deviceId] ?? 0, r.seq);
  const page: PageToVerify = {
    records,
    heads,
    have,
    ownDeviceId: OWN,
    member: (deviceId) => receiver.members?.[deviceId] ?? null,
    heldHashAt: (deviceId, seq) => held.find((r) => r.deviceId === deviceId && r.seq === seq)?.hash ?? null,
    archived,
    archivedThrough: () => archivedThrough,
  };
  return verifyPage(page);
}

function memberOf(kit: PeerChainKit, cut?: number | null): Record<string, MemberKey> {
  return { [kit.deviceId]: { signPub: kit.signPub, revoked: cut !== undefined, acceptUpToSeq: cut ?? null } };
}

function refusalOf(verdict: PageVerdict): { code: string; deviceId: string; seq: number; why: string } {
  if (verdict.ok) throw new Error(`expected a refusal, got ${verdict.accepted.length} accepted`);
  return verdict.refusal;
}

function expectRefusal(verdict: PageVerdict, expected: Partial<Record<'code' | 'deviceId' | 'seq', string | number>>, why: string): void {
  const refusal = refusalOf(verdict);
  expect(refusal).toMatchObject(expected);
  expect(refusal.why).toContain(why);
}

function accepted(verdict: PageVerdict): PeerRecord[] {
  if (!verdict.ok) throw new Error(`refused: ${verdict.refusal.code} ${verdict.refusal.why}`);
  return verdict.accepted;
}

/** Replaces row `seq` of a page (re-hashing the rows after it and re-signing the head), so only `change` is wrong. */
function tamper(kit: PeerChainKit, seq: number, change: (r: PeerRecord) => PeerRecord, rehashAfter = true): { records: PeerRecord[]; heads: SignedHead[] } {
  const records = kit.records.map((r) => ({ ...r }));
  records[seq - 1] = change(records[seq - 1]!);
  if (rehashAfter) {
    for (let i = seq; i < records.length; i += 1) records[i] = rehash({ ...records[i]!, prevHash: records[i - 1]!.hash });
  }
  const last = records.at(-1)!;
  return { records, heads: [{ deviceId: kit.deviceId, seq: last.seq, hash: last.hash, sig: signHead(kit.key, kit.deviceId, last.seq, last.hash) }] };
}

/** The chain with its first tap (seq 1) link-only, as a sender whose archive took that tap's event serves it. */
function linkOnlyFirst(kit: PeerChainKit): PeerRecord[] {
  return kit.records.map((r) => (r.seq === 1 ? { ...r, event: undefined } : r));
}

describe('verifyPage: archived years (docs/peers.md §5)', () => {
  it('takes a tap without its event only up to the archived head the page names or the receiver keeps', () => {
    const kit = doorChain();
    const records = linkOnlyFirst(kit);
    const heads = [kit.head()];
    expectRefusal(verify(records, heads, { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 1 }, 'without its event');
    expect(accepted(verify(records, heads, { members: memberOf(kit) }, [kit.head(2)])).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(accepted(verify(records, heads, { members: memberOf(kit) }, [], 1)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    // The departure at seq 5 without its event lies past the head: refused.
    const late = kit.records.map((r) => (r.seq === 5 ? { ...r, event: undefined } : r));
    expectRefusal(verify(late, heads, { members: memberOf(kit) }, [kit.head(2)]), { code: 'PEER_BAD_RECORD', seq: 5 }, 'without its event');
  });

  it("refuses an archived head that is not the origin's, or names another hash than the row at its seq", () => {
    const kit = doorChain();
    const records = linkOnlyFirst(kit);
    const real = kit.head(2);
    const forged = { ...real, sig: signHead(generateSigningKey(), kit.deviceId, real.seq, real.hash) };
    expectRefusal(verify(records, [kit.head()], { members: memberOf(kit) }, [forged]), { code: 'PEER_BAD_RECORD', seq: 2 }, "archived head's signature");
    const otherHash = { ...real, hash: kit.records[2]!.hash, sig: signHead(kit.key, kit.deviceId, 2, kit.records[2]!.hash) };
    expectRefusal(verify(records, [kit.head()], { members: memberOf(kit) }, [otherHash]), { code: 'PEER_BAD_RECORD', seq: 2 }, 'another hash');
  });
});

describe('verifyPage', () => {
  it('takes a good page of every shape in order', () => {
    const kit = doorChain();
    const page = kit.page();
    const verdict = verify(page.records, page.heads, { members: memberOf(kit) });
    expect(accepted(verdict).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verdict).toMatchObject({ skipped: { own: 0, held: 0, gap: 0 }, gaps: [] });
  });

  it('takes the rest of a chain after what is held', () => {
    const kit = doorChain();
    const page = kit.page(3);
    expect(accepted(verify(page.records, page.heads, { members: memberOf(kit), held: kit.records.slice(0, 2) })).map((r) => r.seq)).toEqual([3, 4, 5]);
  });

  it('refuses a head signed by another key, and a page with no head', () => {
    const kit = doorChain();
    const last = kit.records.at(-1)!;
    const forged = { deviceId: kit.deviceId, seq: last.seq, hash: last.hash, sig: signHead(generateSigningKey(), kit.deviceId, last.seq, last.hash) };
    expectRefusal(verify(kit.records, [forged], { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 5 }, 'signature');
    expect(refusalOf(verify(kit.records, [kit.head(4)], { members: memberOf(kit) }))).toMatchObject({ code: 'PEER_BAD_RECORD', seq: 5 });
    // A head of the right seq over another hash.
    expect(refusalOf(verify(kit.records, [{ ...kit.head(), hash: kit.records[0]!.hash }], { members: memberOf(kit) })).code).toBe('PEER_BAD_RECORD');
  });

  it('refuses a bad link, even when every hash computes and the head is signed', () => {
    const kit = doorChain();
    // Row 3 links to row 1; the rows after it are re-linked and the head re-signed: only the link from row 2 is wrong.
    const page = tamper(kit, 3, (r) => rehash({ ...r, prevHash: kit.records[0]!.hash }));
    expectRefusal(verify(page.records, page.heads, { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 3 }, 'prev_hash');
    // The first row of a chain must start at the genesis hash.
    const notGenesis = tamper(kit, 1, (r) => rehash({ ...r, prevHash: 'f'.repeat(64) }));
    expect(refusalOf(verify(notGenesis.records, notGenesis.heads, { members: memberOf(kit) }))).toMatchObject({ code: 'PEER_BAD_RECORD', seq: 1 });
  });

  it('refuses a row whose hash does not compute', () => {
    const kit = doorChain();
    const page = tamper(kit, 2, (r) => ({ ...r, hlc: '1795403599000-0000' }), false);
    expect(refusalOf(verify(page.records, page.heads, { members: memberOf(kit) }))).toMatchObject({ code: 'PEER_BAD_RECORD', seq: 2, why: 'hash does not compute' });
  });

  it('refuses a body or an event that is not what the content hash stands for', () => {
    const kit = doorChain();
    const body = tamper(kit, 3, (r) => ({ ...r, body: JSON.stringify({ key: 'closingTime', value: '20:00' }) }));
    expectRefusal(verify(body.records, body.heads, { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 3 }, 'content_hash');
    const event = tamper(kit, 1, (r) => ({ ...r, event: { ...r.event!, childId: 'child-2' } }));
    expectRefusal(verify(event.records, event.heads, { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 1 }, "event's hash");
  });

  it("refuses a body its kind's schema refuses, a city body under another id, and another device's event", () => {
    const cases: [string, (kit: PeerChainKit) => void][] = [
      ['not a setting body', (kit) => kit.append('setting', { key: '', value: 1 })],
      ['not JSON', (kit) => kit.append('audit', '{not json')],
      ["body's id", (kit) => kit.append('absence', kit.absenceBody('0196f3a2-0000-7000-8000-00000000000a'), { id: '0196f3a2-0000-7000-8000-00000000000b' })],
      ['a absence body in a correction', (kit) => kit.append('correction', kit.absenceBody('0196f3a2-0000-7000-8000-00000000000c'), { id: '0196f3a2-0000-7000-8000-00000000000c' })],
    ];
    for (const [why, write] of cases) {
      const kit = new PeerChainKit({ deviceId: 'door-1' });
      write(kit);
      expectRefusal(verify(kit.records, [kit.head()], { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD', seq: 1 }, why);
    }
    const kit = new PeerChainKit({ deviceId: 'door-1' });
    const other = new PeerChainKit({ deviceId: 'door-2' });
    const theirs = other.attendance();
    const wrapped = rehash({ ...theirs, deviceId: kit.deviceId });
    const head = { deviceId: kit.deviceId, seq: 1, hash: wrapped.hash, sig: signHead(kit.key, kit.deviceId, 1, wrapped.hash) };
    expectRefusal(verify([wrapped], [head], { members: memberOf(kit) }), { code: 'PEER_BAD_RECORD' }, "another device's");
  });

  it('calls a signed row at a held place with another hash a fork, never an overwrite', () => {
    const held = doorChain();
    const key = held.key;
    // The same device, key and first row, another history from row 2 (a machine restored from a copy that wrote on).
    const forked = new PeerChainKit({ deviceId: held.deviceId, key });
    forked.attendance({ childId: 'child-1' }, { id: held.records[0]!.id });
    forked.append('setting', { key: 'closingTime', value: '18:30' });
    forked.append('setting', { key: 'closingTime', value: '18:00' });
    expect(refusalOf(verify(forked.records, [forked.head()], { members: memberOf(held), held: held.records.slice(0, 2) }))).toMatchObject({ code: 'PEER_FORK', deviceId: held.deviceId, seq: 2 });
    // Only the rows after what is held, linked to another row 2: the fork is at 2.
    expect(refusalOf(verify(forked.records.slice(2), [forked.head()], { members: memberOf(held), held: held.records.slice(0, 2) }))).toMatchObject({ code: 'PEER_FORK', seq: 2 });
    // An unsigned claim of a fork is a bad record, not a fork: a relay cannot raise the alert against an origin.
    const unsigned = [...held.records.slice(0, 1), rehash({ ...forked.records[1]!, prevHash: held.records[0]!.hash })];
    const badHead = { deviceId: held.deviceId, seq: 2, hash: unsigned[1]!.hash, sig: signHead(generateSigningKey(), held.deviceId, 2, unsigned[1]!.hash) };
    expect(refusalOf(verify(unsigned, [badHead], { members: memberOf(held), held: held.records.slice(0, 2) })).code).toBe('PEER_BAD_RECORD');
  });

  it('skips a replay: every row already held', () => {
    const kit = doorChain();
    const page = kit.page();
    const verdict = verify(page.records, page.heads, { members: memberOf(kit), held: kit.records });
    expect(accepted(verdict)).toEqual([]);
    expect(verdict).toMatchObject({ skipped: { own: 0, held: 5, gap: 0 } });
  });

  it("takes a removed member's rows up to the cut and refuses a page past it", () => {
    const kit = doorChain();
    const within = kit.page(1, 3);
    expect(accepted(verify(within.records, within.heads, { members: memberOf(kit, 3) })).map((r) => r.seq)).toEqual([1, 2, 3]);
    const past = kit.page(4);
    expect(refusalOf(verify(past.records, past.heads, { members: memberOf(kit, 3), held: kit.records.slice(0, 3) }))).toMatchObject({ code: 'PEER_REVOKED', deviceId: kit.deviceId, seq: 4 });
    expect(refusalOf(verify(within.records, within.heads, { members: memberOf(kit, null) }))).toMatchObject({ code: 'PEER_REVOKED', seq: 1 });
  });

  it('applies a revocation the page itself carries, whichever origin comes first', () => {
    const office = new PeerChainKit({ deviceId: 'office' });
    const door = doorChain();
    office.append('member-revoked', { deviceId: door.deviceId, acceptUpToSeq: 2, reason: 'stolen', staffId: 'staff-1' });
    const members = { ...memberOf(office), ...memberOf(door) };
    for (const records of [[...door.records, ...office.records], [...office.records, ...door.records]]) {
      expect(refusalOf(verify(records, [door.head(), office.head()], { members }))).toMatchObject({ code: 'PEER_REVOKED', seq: 3 });
    }
    expect(accepted(verify([...office.records, ...door.records.slice(0, 2)], [door.head(2), office.head()], { members })).length).toBe(3);
  });

  it('calls a page that skips a gap, names the origin and where to ask from, and takes the other origins', () => {
    const door = doorChain();
    const office = new PeerChainKit({ deviceId: 'office' });
    office.append('setting', { key: 'closingTime', value: '19:00' });
    const members = { ...memberOf(door), ...memberOf(office) };
    const verdict = verify([...door.records.slice(3), ...office.records], [door.head(), office.head()], { members, held: door.records.slice(0, 1) });
    expect(accepted(verdict).map((r) => r.deviceId)).toEqual(['office']);
    expect(verdict).toMatchObject({ gaps: [{ deviceId: 'door-1', fromSeq: 2 }], skipped: { gap: 2 } });
    // A hole inside the page is a gap too: nothing of that origin is taken.
    const holed = [door.records[0]!, door.records[2]!];
    expect(verify(holed, [door.head(3)], { members })).toMatchObject({ ok: true, accepted: [], gaps: [{ deviceId: 'door-1', fromSeq: 1 }] });
    // A seq twice in one page is the sender's error.
    expect(refusalOf(verify([door.records[0]!, door.records[0]!], [door.head(1)], { members })).code).toBe('PEER_BAD_RECORD');
  });

  it("skips the receiver's own rows without judging them", () => {
    const own = new PeerChainKit({ deviceId: OWN });
    own.append('setting', { key: 'closingTime', value: '19:00' });
    const door = doorChain();
    const verdict = verify([...own.records, ...door.records], [door.head()], { members: memberOf(door) });
    expect(accepted(verdict).length).toBe(5);
    expect(verdict).toMatchObject({ skipped: { own: 1, held: 0, gap: 0 } });
  });

  it('refuses an unknown origin, and takes one a member record in the page introduces', () => {
    const office = new PeerChainKit({ deviceId: 'office' });
    const door = doorChain();
    expect(refusalOf(verify(door.records, [door.head()], { members: memberOf(office) }))).toMatchObject({ code: 'PEER_UNKNOWN', deviceId: 'door-1', seq: 1 });
    office.append('member', door.memberBody('Door 1'));
    const verdict = verify([...office.records, ...door.records], [office.head(), door.head()], { members: memberOf(office) });
    expect(accepted(verdict).length).toBe(6);
    // The page cannot replace a pinned key: rows signed by another key under a known id stay refused.
    const impostor = new PeerChainKit({ deviceId: 'office', key: generateSigningKey() });
    impostor.append('member', door.memberBody('Door 1'));
    expect(verify([...impostor.records], [impostor.head()], { members: memberOf(office) })).toMatchObject({ ok: false, refusal: { code: 'PEER_BAD_RECORD' } });
  });

  it('asks again, not refuses, for an unknown origin whose member record may sit behind a gap', () => {
    const office = new PeerChainKit({ deviceId: 'office' });
    office.append('setting', { key: 'closingTime', value: '19:00' });
    const door = doorChain();
    office.append('member', door.memberBody('Door 1'));
    // The office's rows from seq 2 only, while the receiver holds none of them: a gap, and the door waits behind it.
    const verdict = verify([office.records[1]!, ...door.records], [office.head(), door.head()], { members: memberOf(office) });
    expect(verdict).toMatchObject({ ok: true, accepted: [], gaps: [{ deviceId: 'office', fromSeq: 1 }, { deviceId: 'door-1', fromSeq: 1 }], skipped: { gap: 6 } });
  });

  it('uses the public key it is given, not a key the page could carry', () => {
    const kit = doorChain();
    const stranger = createPublicKey(generateSigningKey());
    expect(refusalOf(verify(kit.records, [kit.head()], { members: { [kit.deviceId]: { signPub: stranger, revoked: false, acceptUpToSeq: null } } })).code).toBe('PEER_BAD_RECORD');
  });
});
