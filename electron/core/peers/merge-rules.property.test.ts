// docs/peers.md §6 "The general rule": the projection is a pure function of the set of records. Random histories of
// machines editing while apart and hearing each other in part: any order and any split of the same records decides the
// same, and the losers' follow-ups bring every register back to one head without changing what it says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRegister, decideRegisters, registerHeadsOf, registerKeyOf, type RegisterDecision, type RegisterRecord } from '../ledger/merge-rules.js';
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
          const heads = registerHeadsOf(records.filter((r) => registerKeyOf(r) === key));
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

/**
 * Catch-ups in pages (docs/peers.md §6 "The general rule"): machines edit apart and take each other's records in random
 * pages, each origin's run in seq order as a real page is; after each page a machine settles what it touched and, where
 * its own head lost, restates the winner at once (ledger/peer-registers.ts settleRegister), so a restatement may be
 * written before the page that holds the winner's later edit.
 */
describe('merge rules over catch-ups split into pages', () => {
  const PAGED = ['office', 'door-1', 'door-2'];
  const pagedStep = fc.record({
    machine: fc.nat(PAGED.length - 1),
    edit: fc.boolean(),
    /** Of the run's two registers (two, so that the machines meet in them often). */
    register: fc.nat(1),
    value: fc.nat(1000),
    from: fc.nat(PAGED.length - 1),
    seed: fc.integer(),
    /** The most records a page holds, and how much of what `from` has this pull takes (the rest waits). */
    pageSize: fc.integer({ min: 1, max: 3 }),
    pages: fc.integer({ min: 1, max: 4 }),
  });
  type PagedStep = typeof pagedStep extends fc.Arbitrary<infer T> ? T : never;

  interface Paged {
    writers: RegisterMachine[];
    held: Map<string, RegisterRecord>[];
    /** Every decision a machine made on the way, with the records it made it from. */
    decisions: { records: RegisterRecord[]; decision: RegisterDecision }[];
    followUps: Set<string>;
  }

  const keyOf = (content: Pick<RegisterRecord, 'kind' | 'body'>): string => registerKeyOf(content as RegisterRecord);
  const isMember = (kind: RegisterRecord['kind']) => kind === 'member' || kind === 'member-revoked';

  /** Decides `key` on machine `m`; where its own head lost (not to the group first), it restates the winner. */
  function settle(world: Paged, m: number, key: string): void {
    const writer = world.writers[m]!;
    const held = world.held[m]!;
    // A machine has one head per register: one follow-up, then one more decision (as settleRegister does).
    for (let round = 0; round < 2; round += 1) {
      const records = [...held.values()].filter((r) => registerKeyOf(r) === key);
      const decision = decideRegister(records);
      world.decisions.push({ records, decision });
      const owed = decision.conflicts.some((c) => c.loserDeviceId === writer.deviceId && c.rule !== 'group-first');
      if (!owed || isMember(decision.winner.kind) || round === 1) return;
      const restated = writer.write({ kind: decision.winner.kind, body: decision.value } as Pick<RegisterRecord, 'kind' | 'body'>, decision.winner);
      held.set(restated.id, restated);
      world.followUps.add(restated.id);
    }
  }

  /** `to` takes up to `pages` pages of what `from` holds that it lacks, settling after each page. */
  function pull(world: Paged, to: number, from: number, seed: number, pageSize: number, pages: number): void {
    if (to === from) return;
    const held = world.held[to]!;
    const lacking = [...world.held[from]!.values()].filter((r) => !held.has(r.id));
    // Each origin's run in seq order, the runs interleaved at random: the order a page may hold them in.
    const runs = new Map<string, RegisterRecord[]>();
    for (const r of lacking.sort((a, b) => a.seq - b.seq)) runs.set(r.deviceId, [...(runs.get(r.deviceId) ?? []), r]);
    const order = shuffled(
      [...runs.entries()].flatMap(([deviceId, run]) => run.map(() => deviceId)),
      seed,
    );
    const queue = order.map((deviceId) => runs.get(deviceId)!.shift()!);
    for (let page = 0; page < pages && queue.length > 0; page += 1) {
      const taken = queue.splice(0, pageSize);
      for (const r of taken) held.set(r.id, r);
      world.writers[to]!.hear(taken);
      for (const key of new Set(taken.map((r) => registerKeyOf(r)))) settle(world, to, key);
    }
  }

  function runPaged(steps: readonly PagedStep[], skews: readonly number[], focus: number): Paged {
    const world: Paged = {
      writers: PAGED.map((name, i) => new RegisterMachine(name, 1_795_403_523_000 + (skews[i] ?? 0))),
      held: PAGED.map(() => new Map<string, RegisterRecord>()),
      decisions: [],
      followUps: new Set(),
    };
    for (const step of steps) {
      if (!step.edit) {
        pull(world, step.machine, step.from, step.seed, step.pageSize, step.pages);
        continue;
      }
      const content = EDITS[(focus + step.register) % EDITS.length]!(step.value);
      const key = keyOf(content);
      const same = [...world.held[step.machine]!.values()].filter((r) => registerKeyOf(r) === key);
      const record = world.writers[step.machine]!.write(content, same.length > 0 ? decideRegister(same).winner : null);
      world.held[step.machine]!.set(record.id, record);
      // An edit made here is settled at once too (appendRegisterEdit): one on a revoked card lost to the revoke.
      settle(world, step.machine, key);
    }
    return world;
  }

  /** What `record` has seen, among `records`: its base and its own machine's earlier records, and all they had seen. */
  function seenBy(record: RegisterRecord, records: readonly RegisterRecord[]): Set<string> {
    const byId = new Map(records.map((r) => [r.id, r]));
    const seen = new Set<string>();
    const stack = [record];
    // Each record is taken once, so the walk ends within the register's size.
    const taken = new Set<string>();
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (taken.has(r.id)) continue;
      taken.add(r.id);
      if (r.base !== null) seen.add(r.base);
      const base = r.base === null ? undefined : byId.get(r.base);
      for (const p of [...(base === undefined ? [] : [base]), ...records.filter((o) => o.deviceId === r.deviceId && o.seq < r.seq)]) {
        seen.add(p.id);
        stack.push(p);
      }
    }
    return seen;
  }

  const sayText = (r: RegisterRecord): string => JSON.stringify(said({ key: '', winner: r, value: r.body, conflicts: [] }));

  /** A follow-up that says what the record it names as base says: nothing new (a merge that says more is not one). */
  function restatementOf(world: Paged, winner: RegisterRecord, records: readonly RegisterRecord[]): RegisterRecord | null {
    if (!world.followUps.has(winner.id) || winner.base === null) return null;
    const base = records.find((r) => r.id === winner.base);
    return base !== undefined && sayText(base) === sayText(winner) ? base : null;
  }

  /** No decision let a restatement beat a head that had seen the restated record and said something else. */
  function expectNoRestatementBeatsALaterEdit(world: Paged, records: readonly RegisterRecord[], decision: RegisterDecision): void {
    if (isMember(decision.winner.kind)) return;
    const restated = restatementOf(world, decision.winner, records);
    if (restated === null) return;
    for (const c of decision.conflicts) {
      const loser = records.find((r) => r.id === c.loserId)!;
      // An edit: it said something else than the winner, and more than its own base (a restatement is not an edit).
      const loserBase = records.find((r) => r.id === loser.base);
      if (sayText(loser) === sayText(decision.winner) || (loserBase !== undefined && sayText(loserBase) === sayText(loser))) continue;
      expect(seenBy(loser, records).has(restated.id), `${decision.key}: restatement ${decision.winner.id} of ${restated.id} beat ${loser.id} ${JSON.stringify(records.map((r) => [r.id, r.base, r.hlc, sayText(r)]))}`).toBe(false);
    }
  }

  it('every machine ends with the same winners, and a restatement never beats an edit made on top of what it restated', () => {
    fc.assert(
      fc.property(fc.array(pagedStep, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(40), { minLength: PAGED.length, maxLength: PAGED.length }), fc.nat(EDITS.length - 1), fc.integer(), (steps, skews, focus, seed) => {
        const world = runPaged(steps, skews, focus);
        // Then everyone takes everything from everyone, in pages of one to three, until nobody writes more.
        const next = prng(seed);
        let quiet = false;
        for (let round = 0; round < 8 && !quiet; round += 1) {
          const before = world.held.map((h) => h.size);
          for (let to = 0; to < PAGED.length; to += 1) {
            for (let from = 0; from < PAGED.length; from += 1) pull(world, to, from, Math.floor(next() * 2 ** 31), 1 + Math.floor(next() * 3), 10_000);
          }
          quiet = world.held.every((h, i) => h.size === before[i]) && world.held.every((h) => h.size === world.held[0]!.size);
        }
        expect(quiet).toBe(true);
        for (const { records, decision } of world.decisions) expectNoRestatementBeatsALaterEdit(world, records, decision);
        const finals = world.held.map((h) => decideRegisters([...h.values()]));
        for (const f of finals.slice(1)) expect([...f.entries()].map(([k, d]) => [k, d.winner.id])).toEqual([...finals[0]!.entries()].map(([k, d]) => [k, d.winner.id]));
        for (const d of finals[0]!.values()) {
          if (isMember(d.winner.kind)) continue;
          // Heads that say the same may stay two until the register's next record is settled: nothing a person sees.
          expect(d.conflicts.filter((c) => c.rule !== 'group-first' && c.rule !== 'same-value'), `${d.key} ${JSON.stringify([...world.held[0]!.values()].filter((r) => registerKeyOf(r) === d.key).map((r) => [r.id, r.base, r.hlc, sayText(r)]))}`).toEqual([]);
        }
      }),
      { numRuns: 300 },
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
