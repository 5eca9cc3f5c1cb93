// One session per connected peer once the handshake is done (docs/peers.md §5 "Pulling and being told",
// docs/peer-protocol.md §Messages in a session): every binary frame is opened by the channel's frame cipher and
// zod-parsed before it means anything. Both sides send `have` at the start; a `have` showing the other holds more
// brings one `pull` (one in flight), `records` go to the importer handed in and are pulled again while `more`, and
// `new` carries own commits within seconds. The socket, the clock's timers and the importer are handed in, so the
// listener side and the dialer side run the same session.
// A catch-up gives way to the door (§5 "Out of the tap's way", catch-up-pacing.ts): while the door is in use, pages are
// asked 100 records at a time, each taken in during a pause of the door and followed by a rest, so the write lock is
// never held long nor taken while a tap runs; with the door quiet, 1000 at a time, and the next page is asked before
// this one is taken in, so the other side reads it meanwhile.
import type { HaveVector, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import {
  MAX_NEW_BYTES,
  MAX_PEER_FRAME_BYTES,
  MAX_PULL_RECORDS,
  PEER_CLOSE,
  SessionMessageSchema,
  type SessionMessage,
} from '../../../shared/peers/peer-protocol.js';
import type { PeerLog } from '../ledger/peer-log.js';
import { CATCH_UP_FULL_SPEED, type CatchUpPacing } from './catch-up-pacing.js';
import type { PeerChannel } from './channel/handshake.js';
import { jsonOf } from './channel/text-frame.js';
import type { PageGap, PeerRefusal } from './record-verify.js';

/** A request (a pull) unanswered for this long closes the session: the peer is stuck or gone. */
export const SESSION_REQUEST_MS = 10_000;
/** Close code for a request left unanswered (a WebSocket application code outside the protocol's refusals). */
export const SESSION_TIMEOUT_CLOSE = 4008;

/** The socket under the session: binary frames out, a close. */
export interface SessionTransport {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** What importing a page said: the shape of peers/record-import.ts's PageImport that the session reads. */
export type SessionImport = { ok: true; gaps: PageGap[] } | { ok: false; refusal: PeerRefusal };

/** The readers of the peer log a session serves from. */
export type SessionLog = Pick<PeerLog, 'haveVector' | 'page' | 'headOf'> & { hlc: { now(): string } } & Partial<Pick<PeerLog, 'archivedHeadOf'>>;

/** A timer that can be cancelled; handed in so tests choose time. */
export type After = (ms: number, run: () => void) => () => void;

/** The process's timers, unref'd: a session's timer never keeps the process alive. */
export const systemAfter: After = (ms, run) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface PeerSessionOptions {
  channel: PeerChannel;
  transport: SessionTransport;
  log: SessionLog;
  /** `from`: the member whose session brought the page (a refusal is audited under it). */
  importPage(records: PeerRecord[], heads: SignedHead[], from: string, archived?: SignedHead[]): SessionImport;
  /** Where this machine listens, told in every `have`. */
  addrs: string[];
  after: After;
  logLine(line: string): void;
  requestMs?: number;
  /** The anti-entropy `have` (docs/peers.md §5): repairs any `new` that was missed. */
  haveEveryMs?: number;
  /** This machine dialled the connection (else it accepted it): one session per pair keeps the lower id's dial. */
  dialled?: boolean;
  /** How hard a catch-up may work now (peers/catch-up-pacing.ts); absent: full speed. */
  pacing?: CatchUpPacing;
}

export const SESSION_HAVE_EVERY_MS = 30_000;

const KNOWN = new Set<string>(SessionMessageSchema.options.map((o) => o.shape.t.value));

export class PeerSession {
  private nextId = 1;
  private inFlight: { id: number; cancel: () => void } | null = null;
  /** What the other side told it holds (its `have`, raised by the `new`s it sent). */
  private theirs: HaveVector = {};
  private closed = false;
  private readonly requestMs: number;
  private cancelHave: (() => void) | null = null;
  /** A rest between two catch-up pages while the door is in use: no pull starts until it ends. */
  private resting = false;
  private readonly pacing: CatchUpPacing;

  constructor(private readonly o: PeerSessionOptions) {
    this.requestMs = o.requestMs ?? SESSION_REQUEST_MS;
    this.pacing = o.pacing ?? CATCH_UP_FULL_SPEED;
  }

  get peerDeviceId(): string {
    return this.o.channel.peerDeviceId;
  }

  /** Where the other side said it listens (its handshake): the worker dials it there next time. */
  get peerAddrs(): readonly string[] {
    return this.o.channel.peerAddrs;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get dialled(): boolean {
    return this.o.dialled === true;
  }

  /** The channel is ready on both sides: tell what this machine holds. */
  start(): void {
    this.sendHave();
    this.haveLater();
  }

  private haveLater(): void {
    if (this.closed) return;
    this.cancelHave = this.o.after(this.o.haveEveryMs ?? SESSION_HAVE_EVERY_MS, () => {
      this.sendHave();
      this.haveLater();
    });
  }

  /** One frame off the socket. Anything but a binary frame the cipher opens to a session message closes with 4002. */
  receive(data: Uint8Array, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary || data.length > MAX_PEER_FRAME_BYTES) return this.close(PEER_CLOSE.PEER_BAD_FRAME, 'not a sealed frame');
    const opened = this.o.channel.opener.open(data);
    if (!opened.ok) return this.close(PEER_CLOSE.PEER_BAD_FRAME, 'frame did not open (replayed, reordered or tampered)');
    const json = jsonOf(opened.text);
    const t = typeof json === 'object' && json !== null && 't' in json ? json.t : undefined;
    // A newer peer may speak messages this version does not know: skipped, so an upgrade does not cut the link.
    if (typeof t === 'string' && !KNOWN.has(t)) return this.o.logLine(`[peers] ${this.peerDeviceId}: unknown message "${t.slice(0, 40)}" ignored`);
    const parsed = SessionMessageSchema.safeParse(json);
    if (!parsed.success) return this.close(PEER_CLOSE.PEER_BAD_FRAME, 'malformed session message');
    if (parsed.data.t === 'new' && Buffer.byteLength(opened.text, 'utf8') > MAX_NEW_BYTES) return this.close(PEER_CLOSE.PEER_BAD_FRAME, 'new over 64 KiB');
    this.handle(parsed.data);
  }

  /** Own records just committed: sent as `new` when small, else a `have` so the other pulls them. */
  announce(records: PeerRecord[], heads: SignedHead[]): void {
    if (this.closed || records.length === 0) return;
    const text = JSON.stringify({ t: 'new', records, heads });
    if (records.length <= MAX_PULL_RECORDS && Buffer.byteLength(text, 'utf8') <= MAX_NEW_BYTES) this.sendText(text);
    else this.sendHave();
  }

  /** The socket closed (either side): timers stop, nothing is sent any more. */
  ended(): void {
    this.closed = true;
    this.clearRequest();
    this.cancelHave?.();
    this.cancelHave = null;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.o.logLine(`[peers] ${this.peerDeviceId}: closing ${code} (${reason})`);
    this.ended();
    this.o.transport.close(code, reason);
  }

  private handle(m: SessionMessage): void {
    switch (m.t) {
      case 'have':
        this.theirs = m.vector;
        return this.pullIfBehind();
      case 'pull':
        return this.answerPull(m.id, m.after, m.limit);
      case 'records':
        return this.onRecords(m.id, m.records, m.heads, m.more, m.archived);
      case 'new':
        return this.onNew(m.records, m.heads);
      case 'bye':
        return this.close(1000, `bye ${m.code}`);
      case 'ready':
      case 'roster':
      case 'refused-query':
      case 'refused-reply':
        // Not this session's business yet (the roster and refused attempts are later steps).
        return this.o.logLine(`[peers] ${this.peerDeviceId}: ${m.t} not handled by the session`);
    }
  }

  private sendHave(): void {
    this.sendText(JSON.stringify({ t: 'have', vector: this.o.log.haveVector(), hlc: this.o.log.hlc.now(), addrs: this.o.addrs }));
  }

  private sendText(text: string): void {
    if (this.closed) return;
    const sealed = this.o.channel.sealer.seal(text);
    if (!sealed.ok) return this.close(1000, 'frame counter spent: reconnect with fresh keys');
    this.o.transport.send(sealed.frame);
  }

  /**
   * One pull at a time, only when the other side holds more of some origin than this one. `after` is what this
   * machine holds, or will hold once the page in hand is taken in (the next page asked ahead, onRecords).
   */
  private pullIfBehind(more = false, after: HaveVector = this.o.log.haveVector()): void {
    if (this.closed || this.inFlight !== null || this.resting) return;
    if (!more && !Object.entries(this.theirs).some(([origin, seq]) => seq > (after[origin] ?? 0))) return;
    const id = this.nextId++;
    const cancel = this.o.after(this.requestMs, () => this.close(SESSION_TIMEOUT_CLOSE, `pull ${id} unanswered`));
    this.inFlight = { id, cancel };
    this.sendText(JSON.stringify({ t: 'pull', id, after, limit: this.pacing.batchSize(MAX_PULL_RECORDS) }));
  }

  private clearRequest(): void {
    this.inFlight?.cancel();
    this.inFlight = null;
  }

  private answerPull(id: number, after: HaveVector, limit: number): void {
    const { records, texts, cut } = pageWithin(this.o.log, after, limit);
    this.sendText(recordsMessageText(id, texts, headsOf(this.o.log, records), cut || records.length >= limit, archivedOf(this.o.log, records)));
  }

  private onRecords(id: number, records: PeerRecord[], heads: SignedHead[], more: boolean, archived: SignedHead[]): void {
    if (this.inFlight?.id !== id) return this.o.logLine(`[peers] ${this.peerDeviceId}: records for request ${id}, not asked`);
    this.clearRequest();
    // An empty page with `more` would pull forever; the next `have` repairs whatever it meant.
    const next = more && records.length > 0;
    const inUse = this.pacing.doorInUse();
    // The door quiet: the next page is asked now, after this one's records, and read by the other side while this
    // one is taken in. Should this page be refused, the session closes and the answer is dropped; should it leave a
    // gap, that page's run is a gap too, and the pull after it starts again from what is held.
    if (!inUse) {
      if (next) this.pullIfBehind(true, raisedBy(this.o.log.haveVector(), records));
      if (this.imported(records, heads, archived)) this.pullIfBehind(next);
      return;
    }
    // The door in use: the page is taken in during a pause of the door, then a rest as long as the pacing says for the
    // time it held the write lock, then the next is asked. No pull starts meanwhile (a `new` is still taken in).
    this.resting = true;
    void this.pacedImport(records, heads, archived)
      .catch(() => false)
      .then((ok) => {
        this.resting = false;
        if (ok) this.pullIfBehind(next);
      });
  }

  private async pacedImport(records: PeerRecord[], heads: SignedHead[], archived: SignedHead[]): Promise<boolean> {
    await this.pacing.doorPause();
    if (this.closed) return false;
    const started = performance.now();
    if (!this.imported(records, heads, archived)) return false;
    await this.pacing.rest(performance.now() - started);
    return !this.closed;
  }

  /** Applied only for origins whose records continue this machine's have; the rest is pulled. */
  private onNew(records: PeerRecord[], heads: SignedHead[]): void {
    const mine = this.o.log.haveVector();
    const firstOf = new Map<string, number>();
    for (const r of records) {
      this.raise(r);
      if (!firstOf.has(r.deviceId)) firstOf.set(r.deviceId, r.seq);
    }
    const continuing = new Set([...firstOf].filter(([origin, seq]) => seq === (mine[origin] ?? 0) + 1).map(([origin]) => origin));
    const take = records.filter((r) => continuing.has(r.deviceId));
    if (take.length > 0 && !this.imported(take, heads.filter((h) => continuing.has(h.deviceId)))) return;
    this.pullIfBehind();
  }

  private raise(record: PeerRecord): void {
    this.theirs = { ...this.theirs, [record.deviceId]: Math.max(this.theirs[record.deviceId] ?? 0, record.seq) };
  }

  /** The importer's verdict; a refused page closes the session (audited by the importer). */
  private imported(records: PeerRecord[], heads: SignedHead[], archived: SignedHead[] = []): boolean {
    const result = this.o.importPage(records, heads, this.peerDeviceId, archived);
    if (result.ok) {
      for (const gap of result.gaps) this.theirs = { ...this.theirs, [gap.deviceId]: Math.max(this.theirs[gap.deviceId] ?? 0, gap.fromSeq) };
      return true;
    }
    const r = result.refusal;
    this.close(PEER_CLOSE.PEER_BAD_FRAME, `${r.code} ${r.deviceId}/${r.seq}: ${r.why}`);
    return false;
  }
}

/** `have` raised to each origin's last seq in `records` (a page runs in seq order per origin). */
function raisedBy(have: HaveVector, records: readonly PeerRecord[]): HaveVector {
  const raised: Record<string, number> = { ...have };
  for (const r of records) raised[r.deviceId] = Math.max(raised[r.deviceId] ?? 0, r.seq);
  return raised;
}

/** Frame space left for records after the envelope and the heads (64 heads of ~250 bytes). */
const PAGE_BUDGET_BYTES = MAX_PEER_FRAME_BYTES - 32 * 1024;

/**
 * A page of at most `limit` records and 4 MiB, each origin's run still ending on a signed row; with each record's JSON
 * text, measured against the budget and then sent as it is (recordsMessageText), so no record is stringified twice.
 */
export function pageWithin(log: SessionLog, after: HaveVector, limit: number): { records: PeerRecord[]; texts: string[]; cut: boolean } {
  const page = log.page(after, limit);
  const texts: string[] = [];
  let bytes = 0;
  for (const record of page) {
    const text = JSON.stringify(record);
    bytes += Buffer.byteLength(text, 'utf8') + 1;
    if (bytes > PAGE_BUDGET_BYTES) break;
    texts.push(text);
  }
  if (texts.length === page.length) return { records: page, texts, cut: false };
  const taken = page.slice(0, texts.length);
  const lastSigned = new Map<string, number>();
  for (const r of taken) if (log.headOf(r.deviceId, r.seq) !== null) lastSigned.set(r.deviceId, r.seq);
  const kept = taken.flatMap((r, i) => (r.seq <= (lastSigned.get(r.deviceId) ?? 0) ? [i] : []));
  return { records: kept.flatMap((i) => taken[i] ?? []), texts: kept.flatMap((i) => texts[i] ?? []), cut: true };
}

/**
 * The `records` answer's text with the records' JSON as pageWithin made it: the same text JSON.stringify makes of
 * `{t: 'records', id, records, heads, more, archived}` (peer-session-page.test.ts), without stringifying 1000 records
 * again.
 */
export function recordsMessageText(id: number, recordTexts: readonly string[], heads: readonly SignedHead[], more: boolean, archived: readonly SignedHead[]): string {
  const rest = `"heads":${JSON.stringify(heads)},"more":${JSON.stringify(more)},"archived":${JSON.stringify(archived)}`;
  return `{"t":"records","id":${JSON.stringify(id)},"records":[${recordTexts.join(',')}],${rest}}`;
}

/**
 * The archived head of each origin with link-only rows in the page (attendance whose event is in a yearly archive here,
 * docs/peers.md §5 "Archived years"): the asker takes such rows only up to it.
 */
export function archivedOf(log: Pick<SessionLog, 'archivedHeadOf'>, records: readonly PeerRecord[]): SignedHead[] {
  const origins = new Set(records.filter((r) => r.kind === 'attendance' && r.event === undefined).map((r) => r.deviceId));
  return [...origins].flatMap((deviceId) => {
    const head = log.archivedHeadOf?.(deviceId) ?? null;
    return head === null ? [] : [head];
  });
}

/** The signed head of each origin's last record in the page. */
export function headsOf(log: Pick<SessionLog, 'headOf'>, records: readonly PeerRecord[]): SignedHead[] {
  const last = new Map<string, number>();
  for (const r of records) last.set(r.deviceId, Math.max(last.get(r.deviceId) ?? 0, r.seq));
  return [...last].flatMap(([deviceId, seq]) => {
    const head = log.headOf(deviceId, seq);
    return head === null ? [] : [head];
  });
}
