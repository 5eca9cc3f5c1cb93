// docs/peers.md §6 "The general rule": the projection is a pure function of the set of records. Random histories of
// machines editing while apart and hearing each other in part: any order and any split of the same records decides the
// same, and the losers' follow-ups bring every register back to one head without changing what it says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRegister, decideRegisters, registerKeyOf, type RegisterDecision, type RegisterRecord } from '../ledger/merge-rules.js';
import { headsOf } from '../ledger/register-heads.js';
import { RegisterMachine, registerBodies as b } from './testing/register-kit.js';

const MACHINES = ['office', 'door-1', 'door-2', 'joiner'];

/** Each register's edits, chosen by a number: every rule of §6 has one register here. */
const EDITS: ((n: number) => Pick<RegisterRecord, 'kind' | 'body'>)[] = [
  (n) => b.setting(['18:00', '18:30', '19:00'][n % 3] ?? '18:00'),
  (n) => (n % 5 === 0 ? b.linkRemoved() : b.link((n & 1) === 1, (n & 2) === 2, (n & 4) === 4)),
  (n) => b.staffAccount(['Жанна', 'Жанар', 'Раиса'][n % 3] ?? 'Жанна', (n & 4) === 4 ? 'admin' : 'staff', (n & 8) !== 8),
  (n) => b.lock(n % 3 === 0 ? null : 1_795_404_000_000 + n),
  (n) => b.paperDay(`s${n % 4}`),
  (n) => (n % 4 === 0 ? b.childLeft() : b.child(`g${n % 3}`)),
  (n) => b.card(n % 3 === 0 ? 'revoke' : 'enrol'),
  (n) => b.staffCard(n % 4 === 0),
  (n) => b.pin(n % 7),
  (n) => (n % 2 === 0 ? b.companion(['Бибігүл', 'Елена'][n % 4 === 0 ? 0 : 1] ?? 'Елена') : b.companionRemoved()),
  (n) => (n % 3 === 0 ? b.groupClosed() : b.group(['Балапан', 'Жұлдыз'][n % 2] ?? 'Балапан')),
  (n) => (n % 3 === 0 ? b.memberRevoked(n % 11) : b.member(`Door ${n % 5}`)),
];

interface Step {
  machine: number;
  /** Edit `register` with `value`, or hear the records of `from` (those picked by `subset`'s bits). */
  edit: boolean;
  register: number;
  value: number;
  from: number;
  subset: number;
}

const stepArb = fc.record({
  machine: fc.nat(MACHINES.length - 1),
  edit: fc.boolean(),
  register: fc.nat(EDITS.length - 1),
  value: fc.nat(1000),
  from: fc.nat(MACHINES.length - 1),
  subset: fc.nat(),
});

/** A small seeded PRNG (mulberry32), so a shuffle is part of the case fast-check shrinks and prints. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = prng(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface World {
  machines: RegisterMachine[];
  known: Map<string, RegisterRecord>[];
}

function newWorld(): World {
  // One start for every clock, so HLCs tie often and the device id must decide. The joiner ran on its own before it
  // joined: its first edits rank below the group's (§9).
  const machines = MACHINES.map((name) => new RegisterMachine(name, 1_795_403_523_000, name === 'joiner'));
  return { machines, known: MACHINES.map(() => new Map<string, RegisterRecord>()) };
}

/** What `machine` holds for the register it is about to edit: its current winner is the new record's base. */
function edit(world: World, machine: number, register: number, value: number): RegisterRecord {
  const writer = world.machines[machine]!;
  const known = world.known[machine]!;
  const content = EDITS[register]!(value);
  const key = registerKeyOf({ ...content, id: 'probe', deviceId: writer.deviceId, seq: 0, hlc: '0000000000000-0000', base: null, preJoin: false } as RegisterRecord);
  const same = [...known.values()].filter((r) => registerKeyOf(r) === key);
  const base = same.length > 0 ? decideRegister(same).winner : null;
  const record = writer.write(content, base);
  known.set(record.id, record);
  return record;
}

function run(steps: readonly Step[]): { world: World; all: RegisterRecord[] } {
  const world = newWorld();
  const all: RegisterRecord[] = [];
  for (const step of steps) {
    const known = world.known[step.machine]!;
    if (step.edit) {
      all.push(edit(world, step.machine, step.register, step.value));
      continue;
    }
    if (world.machines[step.machine]!.deviceId === 'joiner' || step.from === step.machine) continue;
    const heard = [...world.known[step.from]!.values()].filter((_r, i) => ((step.subset >>> (i % 31)) & 1) === 1);
    for (const r of heard) known.set(r.id, r);
    world.machines[step.machine]!.hear(heard);
    if (MACHINES[step.from] === 'joiner') world.machines[step.from]!.join();
  }
  return { world, all };
}

function plain(decisions: Map<string, RegisterDecision>): [string, RegisterDecision][] {
  return [...decisions.entries()];
}

describe('merge rules over random histories', () => {
  it("a pre-join head beaten by the group never decides again, whatever the group writes after (no restatement needed)", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), fc.array(fc.record({ register: fc.nat(EDITS.length - 1), value: fc.nat(1000), machine: fc.nat(2) }), { maxLength: 10 }), (steps, later) => {
        const { world, all } = run(steps);
        const records = [...all];
        const lost = new Set([...decideRegisters(records).values()].flatMap((d) => d.conflicts.filter((c) => c.rule === 'group-first').map((c) => c.loserId)));
        // The members edit on, each having heard everything so far: a pre-join loser is never the winner again.
        for (const l of later) {
          const writer = world.machines[l.machine]!;
          writer.hear(records);
          const content = EDITS[l.register]!(l.value);
          const key = registerKeyOf({ ...content, id: 'probe', deviceId: writer.deviceId, seq: 0, hlc: '0000000000000-0000', base: null, preJoin: false } as RegisterRecord);
          const same = records.filter((r) => registerKeyOf(r) === key);
          records.push(writer.write(content, same.length > 0 ? decideRegister(same).winner : null));
        }
        for (const d of decideRegisters(records).values()) {
          if (d.winner.kind === 'member' || d.winner.kind === 'member-revoked') continue;
          expect(lost.has(d.winner.id), d.key).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decides the same whatever order the records come in', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), fc.integer(), (steps, seed) => {
        const { all } = run(steps);
        expect(plain(decideRegisters(shuffled(all, seed)))).toEqual(plain(decideRegisters(all)));
      }),
      { numRuns: 300 },
    );
  });

  it('two machines that took in two parts in two orders, then the union, decide the same', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), fc.integer(), fc.integer(), fc.array(fc.nat(2), { maxLength: 40 }), (steps, seedA, seedB, sides) => {
        const { all } = run(steps);
        // Each record went to the first machine, the second, or both, first; then each took in the rest.
        const first = all.filter((_r, i) => (sides[i] ?? 2) !== 1);
        const second = all.filter((_r, i) => (sides[i] ?? 2) !== 0);
        const onA = [...shuffled(first, seedA), ...shuffled(all.filter((r) => !first.includes(r)), seedB)];
        const onB = [...shuffled(second, seedB), ...shuffled(all.filter((r) => !second.includes(r)), seedA)];
        expect(plain(decideRegisters(onA))).toEqual(plain(decideRegisters(onB)));
      }),
      { numRuns: 300 },
    );
  });

  it("the losers' follow-ups leave one head per register and change no value", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40 }), (steps) => {
        const { world, all } = run(steps);
        const records = [...all];
        const machineOf = new Map(world.machines.map((m) => [m.deviceId, m]));
        for (const m of world.machines) {
          m.join();
          m.hear(records);
        }
        const before = decideRegisters(records);
        // At most one round per machine: each follow-up leaves one head fewer.
        for (let round = 0; round <= MACHINES.length; round += 1) {
          const decisions = decideRegisters(records);
          // A head beaten by the group first is owed no restatement (ledger/peer-registers.ts settleRegister).
          const owed = (d: RegisterDecision) => d.conflicts.filter((c) => c.rule !== 'group-first');
          const pending = [...decisions.values()].filter((d) => owed(d).length > 0 && d.winner.kind !== 'member' && d.winner.kind !== 'member-revoked');
          if (pending.length === 0) break;
          for (const d of pending) {
            for (const c of owed(d)) {
              const writer = machineOf.get(c.loserDeviceId)!;
              const restated = writer.write({ kind: d.winner.kind, body: d.value } as Pick<RegisterRecord, 'kind' | 'body'>, d.winner);
              records.push(restated);
              for (const m of world.machines) m.hear([restated]);
            }
          }
        }
        const after = decideRegisters(records);
        for (const [key, decision] of after) {
          if (decision.winner.kind === 'member' || decision.winner.kind === 'member-revoked') continue;
          // What the joiner wrote before it joined may stay a head beside the group's, and never decides again.
          expect(decision.conflicts.filter((c) => c.rule !== 'group-first'), key).toEqual([]);
          const heads = headsOf(records.filter((r) => registerKeyOf(r) === key));
          const members = heads.filter((h) => !h.preJoin);
          expect(members.length > 0 ? members : heads, key).toHaveLength(1);
          expect(decision.winner.preJoin && decision.conflicts.length > 0, key).toBe(false);
          expect(JSON.stringify(said(decision)), key).toBe(JSON.stringify(said(before.get(key))));
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** What a decision says, without the ids and times of the record that says it. */
function said(decision: RegisterDecision | undefined): unknown {
  if (decision === undefined) return undefined;
  const value = decision.value;
  if ('change' in value) return value.change;
  if ('action' in value) return value.action;
  if ('revokedAt' in value) return value.revokedAt !== null;
  return value;
}
