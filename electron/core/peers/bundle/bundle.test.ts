// USB bundles as real files in a temp folder (docs/peers.md §8): written by one machine, read by another with its own
// keys; every refusal of the table with the file that earns it; an atomic write that fails leaves no `.esikpeer`.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BundleOutcome } from '../../../../shared/peers/bundle-outcome.js';
import type { PeerRecord, SignedHead } from '../../../../shared/peers/peer-record.js';
import { tempDataDir } from '../../testing/fixtures.js';
import type { MemberKey } from '../record-verify.js';
import { hlcAt, PeerChainKit } from '../testing/peer-chain-kit.js';
import { BUNDLE_PREFIX_BYTES, BUNDLE_SIGNATURE_BYTES, BUNDLE_TAG_BYTES } from './bundle-format.js';
import { x25519PublicRaw } from '../x25519.js';
import type { BundleHoldings } from './bundle-decision.js';
import { readBundle, readBundleFile, type ReadBundleContext } from './bundle-read.js';
import { bundleFileName, BundleWriteError, writeBundle, type RosterLine, type SealBundleInput } from './bundle-write.js';

const GROUP = '0193a1f0-0000-7000-8000-00000000aaaa';
const OTHER_GROUP = '0193a1f0-0000-7000-8000-00000000bbbb';
const T0 = 1_795_403_523_120; // 23.11.2026 08:12 in Almaty

interface Machine {
  deviceId: string;
  name: string;
  sign: { privateKey: KeyObject; publicKey: KeyObject };
  dh: { privateKey: KeyObject; publicKey: KeyObject };
}

function machine(deviceId: string, name: string): Machine {
  return { deviceId, name, sign: generateKeyPairSync('ed25519'), dh: generateKeyPairSync('x25519') };
}

const door2 = machine('0193a1f0-0000-7000-8000-000000000d02', 'Door 2');
const office = machine('0193a1f0-0000-7000-8000-0000000000f1', 'Office');
const door1 = machine('0193a1f0-0000-7000-8000-000000000d01', 'Door 1');
const stranger = machine('0193a1f0-0000-7000-8000-000000000e01', 'Elsewhere');
const machines = [door2, office, door1];

/** An origin's log of `count` setting records, one a minute from T0 (so its newest HLC is T0 + count minutes). */
function log(origin: Machine, count: number, value = 30): PeerChainKit {
  const kit = new PeerChainKit({ deviceId: origin.deviceId, key: origin.sign.privateKey, startMs: T0 });
  // Fixed ids, so the same log written twice is the same log (a stick written later holds the same rows).
  const id = (seq: number): string => `0196f3a2-7c1e-7b3a-9d4e-${origin.deviceId.slice(-4)}${String(seq).padStart(8, '0')}`;
  for (let seq = 1; seq <= count; seq += 1) kit.append('setting', { key: 'departureGuardMinutes', value: value + seq }, { hlc: hlcAt(T0 + seq * 60_000), id: id(seq) });
  return kit;
}

/** Rows `fromSeq`…`toSeq` of a log with the head of the last, as a stick carries them. */
function chain(origin: Machine, fromSeq: number, toSeq: number): { records: PeerRecord[]; head: SignedHead } {
  const { records, heads } = log(origin, toSeq).page(fromSeq, toSeq);
  const head = heads[0];
  if (head === undefined) throw new Error('a page without its head');
  return { records, head };
}

const roster: RosterLine = {
  t: 'roster',
  pulledMs: T0,
  cursor: 'c42',
  snapshot: {
    kindergarten: { id: 'kg1', name: 'Балабақша № 1 «Ақбота»', demo: false },
    groups: [{ id: 'g1', name: 'Балапан', sortOrder: 1 }],
    children: [{ id: 'ch1', groupId: 'g1', firstName: 'Әлихан', lastName: 'Серікұлы' }],
    companions: [],
    links: [],
    credentials: [],
    staff: [],
    cityKeys: [],
    settings: {},
  },
};

function sealInput(records: PeerRecord[], heads: SignedHead[], change: Partial<SealBundleInput> = {}): SealBundleInput {
  return {
    groupId: GROUP,
    from: door2.deviceId,
    signingKey: door2.sign.privateKey,
    createdAt: '2026-11-23T14:02:00.000+05:00',
    hlc: `${T0}-0001`,
    have: { [door2.deviceId]: 20 },
    recipients: [office, door1].map((m) => ({ deviceId: m.deviceId, dhPub: x25519PublicRaw(m.dh.publicKey) })),
    content: { records, heads },
    ...change,
  };
}

function memberKey(deviceId: string, revoked: { deviceId: string; acceptUpToSeq: number } | null = null): MemberKey | null {
  const m = machines.find((x) => x.deviceId === deviceId);
  if (m === undefined) return null;
  return revoked?.deviceId === deviceId ? { signPub: m.sign.publicKey, revoked: true, acceptUpToSeq: revoked.acceptUpToSeq } : { signPub: m.sign.publicKey, revoked: false, acceptUpToSeq: null };
}

function holdingsOf(held: PeerRecord[], readBundles: ReadonlyMap<string, string> = new Map()): BundleHoldings {
  const have: Record<string, number> = {};
  for (const r of held) have[r.deviceId] = Math.max(have[r.deviceId] ?? 0, r.seq);
  return { have, readBundles, heldHashAt: (deviceId, seq) => held.find((r) => r.deviceId === deviceId && r.seq === seq)?.hash ?? null };
}

function readerContext(reader: Machine, held: PeerRecord[] = [], change: Partial<ReadBundleContext> = {}): ReadBundleContext {
  return {
    groupId: GROUP,
    deviceId: reader.deviceId,
    dhPrivateKey: reader.dh.privateKey,
    member: (deviceId) => memberKey(deviceId),
    holdings: holdingsOf(held),
    ...change,
  };
}

/** A stick written by Door 2: its records 1…20 and Door 1's 1…5 it relays, with both heads and a roster snapshot. */
function writeStick(folder: string, change: Partial<SealBundleInput> = {}): { path: string; records: PeerRecord[]; heads: SignedHead[] } {
  const own = chain(door2, 1, 20);
  const relayed = chain(door1, 1, 5);
  const records = [...relayed.records, ...own.records];
  const heads = [own.head, relayed.head];
  const { path } = writeBundle(folder, door2.name, sealInput(records, heads, { content: { records, heads, roster }, ...change }));
  return { path, records, heads };
}

function flipBit(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

const codeOf = (outcome: BundleOutcome): string => outcome.code;

describe('a USB bundle, written and read as files', () => {
  it('brings the records, the heads and the roster line back equal, and says how many from whom up to when', () => {
    const folder = tempDataDir();
    const { path, records, heads } = writeStick(folder);
    expect(readdirSync(folder)).toEqual(['esik-Door-2-20261123-1402.esikpeer']);
    const reading = readBundleFile(path, readerContext(office));
    expect(reading.outcome).toMatchObject({
      code: 'BUNDLE_READ',
      from: door2.deviceId,
      total: 25,
      roster: true,
      origins: [
        { deviceId: door1.deviceId, count: 5, fromSeq: 1, toSeq: 5, newestMs: T0 + 5 * 60_000 },
        { deviceId: door2.deviceId, count: 20, fromSeq: 1, toSeq: 20, newestMs: T0 + 20 * 60_000 },
      ],
    });
    expect(reading.fresh).toEqual(records);
    expect(reading.bundle?.records).toEqual(records);
    expect(reading.bundle?.heads).toEqual(heads);
    expect(reading.bundle?.roster).toEqual(roster);
    expect(reading.bundle?.header.covers).toEqual({ [door1.deviceId]: [1, 5], [door2.deviceId]: [1, 20] });
    // Every recipient opens it with its own key, and the header names no person and no record.
    expect(readBundleFile(path, readerContext(door1)).outcome.code).toBe('BUNDLE_READ');
    expect(readFileSync(path).toString('latin1')).not.toContain('departureGuardMinutes');
    expect(readFileSync(path).toString('utf8')).not.toContain('Ақбота');
  });

  it('takes in attendance with its events, and a computer the stick itself introduces by its member record', () => {
    const folder = tempDataDir();
    const door3 = new PeerChainKit({ deviceId: '0193a1f0-0000-7000-8000-000000000d03', startMs: T0 });
    const own = new PeerChainKit({ deviceId: door2.deviceId, key: door2.sign.privateKey, startMs: T0 });
    own.append('member', door3.memberBody('Door 3'));
    own.attendance({ childId: 'ch1' });
    door3.attendance({ childId: 'ch2' });
    door3.attendance({ childId: 'ch2', kind: 'departure' });
    const records = [...own.records, ...door3.records];
    const heads = [own.head(), door3.head()];
    const path = writeBundle(folder, door2.name, sealInput(records, heads)).path;
    const reading = readBundleFile(path, readerContext(office));
    expect(reading.outcome).toMatchObject({ code: 'BUNDLE_READ', total: 4 });
    expect(reading.fresh).toEqual(records);
    expect(reading.fresh.filter((r) => r.kind === 'attendance').map((r) => r.event?.childId)).toEqual(['ch1', 'ch2', 'ch2']);
    // Without its member record nothing here knows Door 3's key: its rows cannot be proven, and nothing is taken.
    const unintroduced = writeBundle(tempDataDir(), door2.name, sealInput(door3.records, [door3.head()])).path;
    expect(readBundleFile(unintroduced, readerContext(office)).outcome).toMatchObject({ code: 'BUNDLE_TAMPERED', detail: expect.stringContaining('PEER_UNKNOWN') as unknown });
  });

  it('takes only what is not held yet, and nothing from a stick read before', () => {
    const folder = tempDataDir();
    const { path, records } = writeStick(folder);
    const held = records.filter((r) => r.deviceId === door1.deviceId || r.seq <= 12);
    const first = readBundleFile(path, readerContext(office, held));
    expect(first.outcome).toMatchObject({ code: 'BUNDLE_READ', total: 8, origins: [{ deviceId: door2.deviceId, fromSeq: 13, toSeq: 20 }] });
    expect(first.fresh.map((r) => r.seq)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    const bundleId = first.bundle?.header.bundleId ?? '';
    const again = readBundleFile(path, readerContext(office, records, { holdings: holdingsOf(records, new Map([[bundleId, '2026-11-23T14:05:00.000+05:00']])) }));
    expect(again.outcome).toEqual({ code: 'BUNDLE_ALREADY_READ', bundleId, from: door2.deviceId, writtenAt: '2026-11-23T14:02:00.000+05:00', readAt: '2026-11-23T14:05:00.000+05:00' });
    expect(again.fresh).toEqual([]);
  });

  it('says an older stick read after a newer one holds nothing new', () => {
    const older = tempDataDir();
    const newer = tempDataDir();
    const a = chain(door2, 1, 10);
    const b = chain(door2, 1, 20);
    const oldPath = writeBundle(older, door2.name, sealInput(a.records, [a.head])).path;
    const newPath = writeBundle(newer, door2.name, sealInput(b.records, [b.head], { createdAt: '2026-11-24T09:30:00.000+05:00' })).path;
    expect(readBundleFile(newPath, readerContext(office)).outcome).toMatchObject({ code: 'BUNDLE_READ', total: 20 });
    const outcome = readBundleFile(oldPath, readerContext(office, b.records)).outcome;
    expect(outcome).toMatchObject({ code: 'BUNDLE_NOTHING_NEW', writtenAt: '2026-11-23T14:02:00.000+05:00' });
  });

  it('names the seqs missing when a stick in between was never read', () => {
    const folder = tempDataDir();
    const all = chain(door2, 1, 40);
    const held = all.records.slice(0, 10);
    // Door 2 heard by the last stick back that the office held up to 30, so this stick starts at 31.
    const later = all.records.slice(30);
    const path = writeBundle(folder, door2.name, sealInput(later, [all.head])).path;
    const reading = readBundleFile(path, readerContext(office, held));
    expect(reading.outcome).toMatchObject({ code: 'BUNDLE_GAP', gaps: [{ deviceId: door2.deviceId, fromSeq: 11, toSeq: 30 }] });
    expect(reading.fresh).toEqual([]);
  });

  it('calls a record unlike the one held at its place a fork, and changes nothing', () => {
    const folder = tempDataDir();
    const { path, records } = writeStick(folder);
    // Door 2's own signed log, but another one than the stick's: its key wrote two different rows at seq 1.
    const held = log(door2, 3, 99).records;
    const reading = readBundleFile(path, readerContext(office, [...records.filter((r) => r.deviceId === door1.deviceId), ...held]));
    expect(reading.outcome).toMatchObject({ code: 'BUNDLE_FORK', deviceId: door2.deviceId, seq: 1 });
    expect(reading.fresh).toEqual([]);
  });

  it('refuses records whose chain does not hold, though the sender signed the stick', () => {
    const folder = tempDataDir();
    const good = chain(door2, 1, 5);
    const forged = good.records.map((r) => (r.seq === 3 ? { ...r, body: JSON.stringify({ key: 'departureGuardMinutes', value: 0 }) } : r));
    const path = writeBundle(folder, door2.name, sealInput(forged, [good.head])).path;
    expect(readBundleFile(path, readerContext(office)).outcome).toEqual({ code: 'BUNDLE_TAMPERED', detail: `PEER_BAD_RECORD ${door2.deviceId}/3: content_hash is not the hash of the body`, from: door2.deviceId });
  });

  it('refuses a removed computer’s records past its cut, relayed by another, and takes those before it', () => {
    const folder = tempDataDir();
    const { path } = writeStick(folder);
    const cut = (acceptUpToSeq: number): ReadBundleContext => readerContext(office, [], { member: (id) => memberKey(id, { deviceId: door1.deviceId, acceptUpToSeq }) });
    expect(readBundleFile(path, cut(3)).outcome).toMatchObject({ code: 'BUNDLE_ORIGIN_REVOKED', from: door2.deviceId, deviceId: door1.deviceId, seq: 4 });
    expect(readBundleFile(path, cut(5)).outcome).toMatchObject({ code: 'BUNDLE_READ', total: 25 });
  });

  it('never takes this machine’s own rows back from a stick', () => {
    const folder = tempDataDir();
    const { path } = writeStick(folder);
    const reading = readBundleFile(path, readerContext(door1));
    expect(reading.outcome).toMatchObject({ code: 'BUNDLE_READ', total: 20, origins: [{ deviceId: door2.deviceId }] });
    expect(reading.fresh.every((r) => r.deviceId === door2.deviceId)).toBe(true);
  });

  it('refuses one bit flipped in the header, the payload, the tag or the signature as tampered', () => {
    const folder = tempDataDir();
    const { path } = writeStick(folder);
    const pristine = readFileSync(path);
    const headerLength = pristine.readUInt32BE(12);
    const size = pristine.length;
    const headerText = pristine.subarray(BUNDLE_PREFIX_BYTES, BUNDLE_PREFIX_BYTES + headerLength).toString('utf8');
    const places = {
      header: BUNDLE_PREFIX_BYTES + headerText.indexOf('"createdAt":"') + 14,
      payload: BUNDLE_PREFIX_BYTES + headerLength + 10,
      tag: size - BUNDLE_SIGNATURE_BYTES - BUNDLE_TAG_BYTES + 3,
      signature: size - 20,
    };
    for (const [part, offset] of Object.entries(places)) {
      writeFileSync(path, pristine);
      flipBit(path, offset);
      expect(readBundleFile(path, readerContext(office)).outcome.code, part).toBe('BUNDLE_TAMPERED');
    }
    // Any bit of the header: tampered, or where it names the sender or the group, a sender or a kindergarten unknown here.
    const from = headerText.indexOf(door2.deviceId);
    for (let i = 0; i < headerLength; i += 1) {
      const bytes = Buffer.from(pristine);
      bytes[BUNDLE_PREFIX_BYTES + i] = (bytes[BUNDLE_PREFIX_BYTES + i] ?? 0) ^ 0x04;
      writeFileSync(path, bytes);
      const code = codeOf(readBundleFile(path, readerContext(office)).outcome);
      const inSender = i >= from && i < from + door2.deviceId.length;
      const inGroup = i >= headerText.indexOf(GROUP) && i < headerText.indexOf(GROUP) + GROUP.length;
      // A flipped letter of a uuid may leave no uuid at all: then the header itself does not parse.
      const expected = inSender ? ['BUNDLE_SENDER_UNKNOWN', 'BUNDLE_TAMPERED'] : inGroup ? ['BUNDLE_OTHER_KINDERGARTEN', 'BUNDLE_TAMPERED'] : ['BUNDLE_TAMPERED'];
      expect(expected, `header byte ${i}: ${code}`).toContain(code);
    }
  });

  it('never reads a stick with any one bit flipped anywhere as anything but a refusal', () => {
    const folder = tempDataDir();
    const { path } = writeStick(folder);
    const pristine = readFileSync(path);
    const context = readerContext(office);
    // Where a flip may land on a name the reader looks up before the signature: the magic, the version, the group, the sender.
    const allowed = new Set(['BUNDLE_TAMPERED', 'BUNDLE_NOT_ESIK', 'BUNDLE_VERSION', 'BUNDLE_OTHER_KINDERGARTEN', 'BUNDLE_SENDER_UNKNOWN']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: pristine.length - 1 }), fc.integer({ min: 0, max: 7 }), (offset, bit) => {
        const bytes = Buffer.from(pristine);
        bytes[offset] = (bytes[offset] ?? 0) ^ (1 << bit);
        const reading = readBundle(bytes, context);
        expect(allowed, `${offset}:${bit} ${reading.outcome.code}`).toContain(reading.outcome.code);
        expect(reading.fresh).toEqual([]);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('refuses a stick of another kindergarten, one for other machines, and one from an unknown or removed sender', () => {
    const folder = tempDataDir();
    const { path } = writeStick(folder);
    expect(readBundleFile(path, readerContext(office, [], { groupId: OTHER_GROUP })).outcome.code).toBe('BUNDLE_OTHER_KINDERGARTEN');
    const joinedLater = machine('0193a1f0-0000-7000-8000-0000000000f2', 'Office 2');
    expect(readBundleFile(path, readerContext(joinedLater)).outcome).toMatchObject({ code: 'BUNDLE_NOT_FOR_US', from: door2.deviceId });
    expect(readBundleFile(path, readerContext(office, [], { member: () => null })).outcome.code).toBe('BUNDLE_SENDER_UNKNOWN');
    const revoked = readerContext(office, [], { member: (id) => memberKey(id, { deviceId: door2.deviceId, acceptUpToSeq: 20 }) });
    expect(readBundleFile(path, revoked).outcome.code).toBe('BUNDLE_SENDER_REVOKED');
    // A stranger's key on a known sender's name is no signature of that sender's.
    const impostor = writeBundle(tempDataDir(), stranger.name, sealInput([], [], { signingKey: stranger.sign.privateKey })).path;
    expect(readBundleFile(impostor, readerContext(office)).outcome.code).toBe('BUNDLE_TAMPERED');
    // Listed, but this machine's X25519 key is not the one the entry was wrapped for.
    expect(readBundleFile(path, readerContext(office, [], { dhPrivateKey: generateKeyPairSync('x25519').privateKey })).outcome.code).toBe('BUNDLE_TAMPERED');
  });

  it('refuses a file too large before reading it, and a payload that inflates past the limit', () => {
    const folder = tempDataDir();
    const sparse = join(folder, 'huge.esikpeer');
    writeFileSync(sparse, 'ESIKPEER');
    // A sparse file of 256 MiB and one byte: no disk spent, and no byte of it read.
    truncateSync(sparse, 256 * 1024 * 1024 + 1);
    expect(readBundleFile(sparse, readerContext(office)).outcome).toMatchObject({ code: 'BUNDLE_TOO_LARGE' });
    const { path } = writeStick(folder);
    expect(readBundleFile(path, readerContext(office, [], { maxInflatedBytes: 4096 })).outcome).toMatchObject({ code: 'BUNDLE_TOO_LARGE', detail: 'the payload inflates past 4096 bytes' });
  });

  it('refuses what is not a bundle of ours, a newer format and a file cut short', () => {
    const folder = tempDataDir();
    const zip = join(folder, 'photos.esikpeer');
    writeFileSync(zip, zipSync({ 'a.txt': new Uint8Array([1, 2, 3]) }));
    expect(readBundleFile(zip, readerContext(office)).outcome.code).toBe('BUNDLE_NOT_ESIK');
    const empty = join(folder, 'empty.esikpeer');
    writeFileSync(empty, '');
    expect(readBundleFile(empty, readerContext(office)).outcome.code).toBe('BUNDLE_NOT_ESIK');
    const { path } = writeStick(folder);
    const pristine = readFileSync(path);
    const newer = Buffer.from(pristine);
    newer[8] = 2;
    writeFileSync(path, newer);
    expect(readBundleFile(path, readerContext(office)).outcome.code).toBe('BUNDLE_VERSION');
    // A stick pulled out mid-copy by another tool: the file ends early.
    writeFileSync(path, pristine.subarray(0, pristine.length - 100));
    expect(readBundleFile(path, readerContext(office)).outcome.code).toBe('BUNDLE_TAMPERED');
    writeFileSync(path, pristine.subarray(0, 40));
    expect(readBundleFile(path, readerContext(office)).outcome.code).toBe('BUNDLE_TAMPERED');
  });
});

describe('writing a bundle', () => {
  it('leaves no .esikpeer and no temporary file when the write fails', () => {
    const folder = tempDataDir();
    const input = sealInput(chain(door2, 1, 3).records, [chain(door2, 1, 3).head]);
    // The name is taken by a folder: the data is written and synced, then the rename fails (as a full stick would
    // fail the write itself): what was begun is removed.
    mkdirSync(join(folder, bundleFileName(door2.name, input.createdAt)));
    expect(() => writeBundle(folder, door2.name, input)).toThrow();
    expect(readdirSync(folder)).toEqual([bundleFileName(door2.name, input.createdAt)]);
    expect(readdirSync(join(folder, bundleFileName(door2.name, input.createdAt)))).toEqual([]);
    // The "folder" chosen is a file: nothing is made anywhere.
    const notAFolder = join(folder, 'stick.txt');
    writeFileSync(notAFolder, 'x');
    expect(() => writeBundle(notAFolder, door2.name, input)).toThrow(/ENOTDIR/);
    expect(readdirSync(folder).sort()).toEqual([bundleFileName(door2.name, input.createdAt), 'stick.txt'].sort());
  });

  it('refuses to write a bundle over the size limit, for nobody, with a broken run or a run no head signs', () => {
    const { records, head } = chain(door2, 1, 3);
    expect(() => writeBundle(tempDataDir(), door2.name, sealInput(records, [head], { maxBytes: 200 }))).toThrow(BundleWriteError);
    expect(() => writeBundle(tempDataDir(), door2.name, sealInput(records, [head], { recipients: [] }))).toThrow(/at least one recipient/);
    expect(() => writeBundle(tempDataDir(), door2.name, sealInput([records[0]!, records[2]!], [head]))).toThrow(/seq 3 after 1/);
    // Without the head at its run's last row, the reader could not prove the run: refused here, not at the office.
    expect(() => writeBundle(tempDataDir(), door2.name, sealInput(records, []))).toThrow(/no signed head at seq 3/);
    expect(() => writeBundle(tempDataDir(), door2.name, sealInput(records.slice(0, 2), [head]))).toThrow(/no signed head at seq 2/);
  });

  it('names the file after the machine and the minute, keeping its letters and dropping what a disk refuses', () => {
    expect(bundleFileName('Door 2', '2026-12-04T14:02:09.000+05:00')).toBe('esik-Door-2-20261204-1402.esikpeer');
    expect(bundleFileName('Есік 1 / кіреберіс', '2026-12-04T07:45:00.000+05:00')).toBe('esik-Есік-1-кіреберіс-20261204-0745.esikpeer');
    expect(bundleFileName('..', '2026-12-04T07:45:00.000+05:00')).toBe('esik-machine-20261204-0745.esikpeer');
    expect(bundleFileName('Door\u0007\u009b2:', '2026-12-04T07:45:00.000+05:00')).toBe('esik-Door-2-20261204-0745.esikpeer');
  });
});
