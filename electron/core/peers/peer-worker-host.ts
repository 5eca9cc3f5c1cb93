// The core's side of the peer worker (docs/peers.md §5 "Threads"): starts it, posts `new-head` after own commits,
// implements PeerControl by asking it (each ask answered once by id, or PEER_LINK_OFF when the worker is not running
// or does not answer in time), hands `applied` to the core, and starts it again after a pause if it dies.
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../../shared/api/result.js';
import type { PeerKind } from '../../../shared/peers/peer-record.js';
import type { PairingOpened, PeerJoined, PeerStatus } from '../../../shared/peers/peer-status.js';
import type { StickRead } from '../../../shared/peers/stick-contract.js';
import type { PeerActor, PeerControl, StickFile, StickMoment } from './peer-control.js';
import { FromPeerWorkerSchema, PeerAnswerSchemas, type PeerAnswer, type PeerArgs, type PeerOp, type PeerWorkerData, type ToPeerWorker } from './peer-worker-messages.js';

/** Where the worker is when running from the TypeScript sources (tests, npm start from source); dist/peer-worker.mjs when built. */
export const DEV_PEER_WORKER_SCRIPT = new URL('../peer-worker-dev.mjs', import.meta.url);

/** An ask unanswered for this long answers PEER_LINK_OFF (a join waits for the other side's scrypt: 30 s and more). */
const ASK_MS: Record<PeerOp, number> = {
  status: 5_000,
  openPairing: 10_000,
  closePairing: 5_000,
  join: 45_000,
  revoke: 10_000,
  setAddress: 10_000,
  // A stick is a whole backlog: written to a slow USB file system, or checked and taken in one transaction.
  bundleWrite: 120_000,
  bundleRead: 300_000,
};

export interface PeerApplied {
  kinds: PeerKind[];
  children: string[];
  staff: string[];
}

export interface PeerWorkerHostOptions {
  script: string | URL;
  data: PeerWorkerData;
  onApplied(applied: PeerApplied): void;
  onStatus?(status: PeerStatus): void;
  /** The group's PIN pepper to pair with (this machine's own, from the secret store); absent or null: cannot pair yet. */
  pepper?(): Buffer | null;
  /** This machine joined a group: stores the group's PIN pepper as its own (staff/pin-pepper.ts adoptPinPepper). */
  adoptPepper?(pepper: Buffer): void;
  log(line: string): void;
  restartDelayMs?: number;
}

interface Pending {
  op: PeerOp;
  settle(answer: unknown): void;
  timer: NodeJS.Timeout;
}

export class PeerWorkerHost implements PeerControl {
  private worker: Worker | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private last: PeerStatus | null = null;
  private headPosted = false;
  private started = false;
  /** Asks made before the core started the link, each waiting for the start within its own time. */
  private readonly beforeStart: Array<() => void> = [];

  constructor(private readonly o: PeerWorkerHostOptions) {}

  start(): void {
    this.stopping = false;
    this.started = true;
    this.spawn();
    for (const go of this.beforeStart.splice(0)) go();
  }

  get running(): boolean {
    return this.worker !== null && !this.stopping;
  }

  /** The status the worker last reported by itself (null before its first). */
  lastStatus(): PeerStatus | null {
    return this.last;
  }

  /**
   * Own records were committed. Coalesced to one message per turn of the event loop, and posted only after the
   * caller's transaction is over (setImmediate), so the worker's connection sees the rows.
   */
  newHead(): void {
    if (this.headPosted || this.worker === null) return;
    this.headPosted = true;
    setImmediate(() => {
      this.headPosted = false;
      this.send({ t: 'new-head' });
    });
  }

  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.failPending('the link stopped');
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ t: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  status(): Promise<Result<PeerStatus>> {
    return this.ask('status', {});
  }

  openPairing(by: PeerActor): Promise<Result<PairingOpened>> {
    let pepper: Buffer | null = null;
    try {
      pepper = this.o.pepper?.() ?? null;
    } catch (error) {
      this.o.log(`[peers] no PIN pepper to pair with: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.ask('openPairing', { by: { staffId: by.staffId }, ...(pepper === null ? {} : { pepper: pepper.toString('base64url') }) });
  }

  closePairing(): Promise<Result<null>> {
    return this.ask('closePairing', {});
  }

  join(request: PeerArgs<'join'>['request'], by: PeerActor | null): Promise<Result<PeerJoined>> {
    return this.ask('join', { request: { address: request.address, code: request.code, name: request.name, role: request.role }, by: by === null ? null : { staffId: by.staffId } });
  }

  revoke(deviceId: string, reason: string, by: PeerActor): Promise<Result<null>> {
    return this.ask('revoke', { deviceId, reason, by: { staffId: by.staffId } });
  }

  setAddress(deviceId: string, address: string, by: PeerActor): Promise<Result<null>> {
    return this.ask('setAddress', { deviceId, address, by: { staffId: by.staffId } });
  }

  bundleWrite(input: { folder: string; for: string[] | null; at: StickMoment }, by: PeerActor): Promise<Result<StickFile>> {
    return this.ask('bundleWrite', { folder: input.folder, for: input.for, at: input.at, by: { staffId: by.staffId } });
  }

  bundleRead(input: { path: string; at: StickMoment }, by: PeerActor): Promise<Result<StickRead>> {
    return this.ask('bundleRead', { path: input.path, at: input.at, by: { staffId: by.staffId } });
  }

  private ask<O extends PeerOp>(op: O, args: PeerArgs<O>): Promise<Result<AnswerValue<O>>> {
    // The core starts the link with its background work, seconds after the door opens (BACKGROUND_START_MS): an admin
    // who opens the Computers page at once waits for it rather than being told to restart a kiosk that is starting.
    if (!this.started && !this.stopping) return this.afterStart(op, args);
    const worker = this.worker;
    if (worker === null || this.stopping) return Promise.resolve(fail('PEER_LINK_OFF', 'the peer worker is not running'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(id, fail('PEER_LINK_OFF', `${op} not answered within ${ASK_MS[op]} ms`)), ASK_MS[op]);
      timer.unref();
      this.pending.set(id, {
        op,
        timer,
        settle: (answer) => {
          // The worker's answer is checked against the op's own Result shape; anything else is the link failing.
          const checked = PeerAnswerSchemas[op].safeParse(answer);
          if (checked.success) return resolve(checked.data);
          this.o.log(`[peers] malformed answer to ${op}: ${checked.error.message.slice(0, 300)}`);
          resolve(fail('PEER_LINK_OFF', `malformed answer to ${op}`));
        },
      });
      // Built from the typed args, so it always parses on the other side.
      worker.postMessage({ t: 'ask', id, op, args });
    });
  }

  private afterStart<O extends PeerOp>(op: O, args: PeerArgs<O>): Promise<Result<AnswerValue<O>>> {
    return new Promise((resolve) => {
      const go = (): void => {
        clearTimeout(timer);
        void this.ask(op, args).then(resolve);
      };
      const timer = setTimeout(() => {
        this.beforeStart.splice(this.beforeStart.indexOf(go), 1);
        resolve(fail('PEER_LINK_OFF', `${op}: the link did not start within ${ASK_MS[op]} ms`));
      }, ASK_MS[op]);
      timer.unref();
      this.beforeStart.push(go);
    });
  }

  private settle(id: number, answer: unknown): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.settle(answer);
  }

  private failPending(why: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, fail('PEER_LINK_OFF', why));
  }

  /** Before the join's answer (one port, in order): the group's pepper is this machine's by the time the join says so. */
  private adoptPepper(pepper: string): void {
    try {
      if (this.o.adoptPepper === undefined) throw new Error('this core keeps no pepper for the link');
      this.o.adoptPepper(Buffer.from(pepper, 'base64url'));
      this.o.log("[peers] the group's PIN pepper is this computer's now");
    } catch (error) {
      // Said loudly: PINs set at the group's other computers will not check here until it is stored.
      this.o.log(`[peers] the group's PIN pepper could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private spawn(): void {
    const worker = new Worker(this.o.script, { workerData: this.o.data });
    this.worker = worker;
    worker.on('message', (raw: unknown) => {
      const message = FromPeerWorkerSchema.safeParse(raw);
      if (!message.success) return this.o.log('[peers] malformed message from the peer worker');
      const m = message.data;
      if (m.t === 'log') return this.o.log(m.line);
      if (m.t === 'pepper') return this.adoptPepper(m.pepper);
      if (m.t === 'answer') return this.settle(m.id, m.result);
      // After stop the core may have closed its connection: nothing late reaches it.
      if (this.stopping) return;
      if (m.t === 'applied') return this.o.onApplied({ kinds: m.kinds, children: m.children, staff: m.staff });
      if (m.t === 'status') {
        this.last = m.status;
        this.o.onStatus?.(m.status);
      }
    });
    worker.on('error', (error) => this.o.log(`[peers] worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failPending(`the peer worker exited (${code})`);
      if (this.stopping) return;
      const delay = this.o.restartDelayMs ?? 10_000;
      this.o.log(`[peers] worker exited (${code}); starting it again in ${delay} ms`);
      this.restartTimer = setTimeout(() => this.spawn(), delay);
      this.restartTimer.unref();
    });
  }

  private send(message: ToPeerWorker): void {
    this.worker?.postMessage(message);
  }
}

type AnswerValue<O extends PeerOp> = Extract<PeerAnswer<O>, { ok: true }>['value'];
