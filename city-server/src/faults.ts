// Fault injection: what a flaky network, a half-dead server or a meddling proxy does to the kiosk. Every
// decision comes from one seeded random source, so a failing test replays the same faults in the same order.
import { z } from 'zod';

const Rate = z.number().min(0).max(1);

export const MalformedModeSchema = z.enum(['not-json', 'wrong-types', 'huge-body', 'redirect-other-host']);
export type MalformedMode = z.infer<typeof MalformedModeSchema>;

/** Also parses the CLI's --faults JSON and ESIK_CITY_FAULTS, so an unknown key is an error, not a silent no-op. */
export const FaultPlanSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  error500Rate: Rate.optional(),
  dropBeforeCommitRate: Rate.optional(),
  dropAfterCommitRate: Rate.optional(),
  lostAckRate: Rate.optional(),
  duplicateAckRate: Rate.optional(),
  slowBodyBytesPerSecond: z.number().int().positive().optional(),
  malformed: MalformedModeSchema.nullable().optional(),
  seed: z.number().int().optional(),
});

export interface FaultPlan {
  latencyMs?: number; // added before every reply
  error500Rate?: number; // 0..1
  dropBeforeCommitRate?: number; // destroy the socket before committing a push
  dropAfterCommitRate?: number; // commit, then destroy the socket without a reply
  lostAckRate?: number; // commit, then reply 200 with an empty or truncated body
  duplicateAckRate?: number; // commit, reply, with results listed twice
  slowBodyBytesPerSecond?: number;
  malformed?: 'not-json' | 'wrong-types' | 'huge-body' | 'redirect-other-host' | null; // every reply, while set
  seed?: number;
}

/** How a lost acknowledgement looks on the wire. */
export type LostAckShape = 'empty' | 'truncated' | 'cut-mid-body';
/** How a doubled acknowledgement looks: the results array twice, or the whole JSON body written twice. */
export type DuplicateAckShape = 'results-twice' | 'body-twice';

/** What happens to one push, drawn before it runs. */
export interface CommitFaults {
  dropBeforeCommit: boolean;
  dropAfterCommit: boolean;
  lostAck: LostAckShape | null;
  duplicateAck: DuplicateAckShape | null;
}

export const NO_COMMIT_FAULTS: CommitFaults = { dropBeforeCommit: false, dropAfterCommit: false, lostAck: null, duplicateAck: null };

/** The same small generator the demo roster uses: good enough to spread faults, and identical on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts of faults actually injected, so a test can tell a switch really fired. */
export interface FaultCounts {
  error500: number;
  dropBeforeCommit: number;
  dropAfterCommit: number;
  lostAck: number;
  duplicateAck: number;
  malformed: number;
  slowBody: number;
}

const zeroCounts = (): FaultCounts => ({ error500: 0, dropBeforeCommit: 0, dropAfterCommit: 0, lostAck: 0, duplicateAck: 0, malformed: 0, slowBody: 0 });

export class FaultInjector {
  private plan: FaultPlan = {};
  private random: () => number = mulberry32(1);
  private counts: FaultCounts = zeroCounts();

  /** Replaces the whole plan ({} turns every fault off) and restarts the random source from the plan's seed. */
  set(plan: FaultPlan): void {
    this.plan = FaultPlanSchema.parse(plan);
    this.random = mulberry32(this.plan.seed ?? 1);
  }

  current(): Readonly<FaultPlan> {
    return this.plan;
  }

  injected(): Readonly<FaultCounts> {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = zeroCounts();
  }

  latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  slowBodyBytesPerSecond(): number | null {
    return this.plan.slowBodyBytesPerSecond ?? null;
  }

  malformed(): MalformedMode | null {
    return this.plan.malformed ?? null;
  }

  /** A coin with this chance of heads; a rate of 0 (or unset) draws nothing, so turning one fault on leaves the others' sequence alone. */
  private hit(rate: number | undefined): boolean {
    if (!rate) return false;
    return this.random() < rate;
  }

  private pick<T>(options: readonly T[]): T {
    return options[Math.floor(this.random() * options.length)] as T;
  }

  error500(): boolean {
    const hit = this.hit(this.plan.error500Rate);
    if (hit) this.counts.error500 += 1;
    return hit;
  }

  commitFaults(): CommitFaults {
    if (this.hit(this.plan.dropBeforeCommitRate)) {
      this.counts.dropBeforeCommit += 1;
      return { ...NO_COMMIT_FAULTS, dropBeforeCommit: true };
    }
    if (this.hit(this.plan.dropAfterCommitRate)) {
      this.counts.dropAfterCommit += 1;
      return { ...NO_COMMIT_FAULTS, dropAfterCommit: true };
    }
    if (this.hit(this.plan.lostAckRate)) {
      this.counts.lostAck += 1;
      return { ...NO_COMMIT_FAULTS, lostAck: this.pick<LostAckShape>(['empty', 'truncated', 'cut-mid-body']) };
    }
    if (this.hit(this.plan.duplicateAckRate)) {
      this.counts.duplicateAck += 1;
      return { ...NO_COMMIT_FAULTS, duplicateAck: this.pick<DuplicateAckShape>(['results-twice', 'body-twice']) };
    }
    return NO_COMMIT_FAULTS;
  }

  /** Whether a huge body declares its length (a client may refuse on the header) or streams chunked (it must count). */
  hugeBodyDeclaresLength(): boolean {
    return this.random() < 0.5;
  }

  countMalformed(): void {
    this.counts.malformed += 1;
  }

  countSlowBody(): void {
    this.counts.slowBody += 1;
  }
}
