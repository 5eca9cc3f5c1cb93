// The peer link as it runs inside the worker thread (docs/peers.md §2 "The peer port is separate", §4, §5): the
// listener on the peer port only while the group has another member or a pairing code is open, one dialer per member
// with a known address, the beacon, the open sessions and what they import. It follows the tables (peer_group,
// peer_members, peer_addresses) by reading them again whenever they may have changed, and answers the core's asks.
// Everything it writes goes through the importer (peers/record-import.ts) in its own transactions.
import type { Database } from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { PeerKind, PeerRecord, SignedHead } from '../../../shared/peers/peer-record.js';
import { PEER_CLOSE, BEACON_PORT } from '../../../shared/peers/peer-protocol.js';
import type { PeerMemberView, PeerStatus } from '../../../shared/peers/peer-status.js';
import type { PeerAppliers } from '../ledger/peer-applier.js';
import type { PeerLog } from '../ledger/peer-log.js';
import type { CatchUpPacing } from './catch-up-pacing.js';
import { beaconTag, startBeacon, type Beacon } from './link/peer-beacon.js';
import { startPeerListener, type PeerConnection, type PeerListener, type PeerListenerLimits } from './link/peer-listener.js';
import { defaultMachineName } from './machine-name.js';
import { memberLookupOf } from './member-lookup.js';
import { ownAddresses } from './own-addresses.js';
import { acceptPeerSession, type SessionDeps } from './peer-accept.js';
import { PeerDialer } from './peer-dialer.js';
import { PeerMembersRead, type MemberRow } from './peer-members-read.js';
import { systemAfter, type After, type PeerSession, type SessionImport } from './peer-session.js';
import { PeerSessions } from './peer-sessions.js';
import type { PeerArgs, PeerAsk, PeerOp } from './peer-worker-messages.js';
import { importPage, retryWaiting, type Applied } from './record-import.js';
import { PeerRefusalAudit } from './refusal-audit.js';
import { PeerForks, type SeenFork } from './peer-forks.js';
import { rawPublicKey } from '../credentials/ed25519.js';

/** A member not reached for this long is tried at the address its beacon gives (docs/peers.md §4). */
export const BEACON_AFTER_FAIL_MS = 5 * 60_000;
/** Records waiting longer than this are shown on Computers (docs/peers.md §5). */
export const WAITING_LONG_MS = 10 * 60_000;
const MEMBERS_EVERY_MS = 10_000;
/** How long the listener stays after a code was last seen open: a pairing's whole exchange (pairing-run.ts) and more. */
const PAIRING_GRACE_MS = 40_000;

/** Pairing as the worker runs it (peers/pairing-run.ts, the pairing helper's): absent, its asks answer "not yet". */
export interface PairingHooks {
  /** Whether a code is open now, and until when. */
  openUntilMs(): number | null;
  /** A connection on the pair path of the listener. */
  accept(connection: PeerConnection): void;
  open(args: PeerArgs<'openPairing'>): Promise<Result<unknown>>;
  close(): Promise<Result<unknown>>;
  join(args: PeerArgs<'join'>): Promise<Result<unknown>>;
  revoke(args: PeerArgs<'revoke'>): Promise<Result<unknown>>;
}

export interface PeerServerOptions {
  db: Database;
  /** This machine's peer log over `db`, bound to it (bindPeerLog), so imports raise its clock. */
  log: PeerLog;
  signKey: KeyObject;
  host: string;
  peerPort: number;
  appliers: PeerAppliers;
  /** null: no beacon; absent: the protocol's broadcast. */
  beacon?: { listenPort: number; target: { address: string; port: number }; everyMs?: number } | null;
  tuning?: {
    membersEveryMs?: number;
    haveEveryMs?: number;
    dialBackoff?: { firstMs: number; maxMs: number };
    /** The listener's limits (tests shorten the handshake's time). */
    listener?: Partial<PeerListenerLimits>;
  };
  /** How hard a catch-up may work, given the door's activity (catch-up-pacing.ts); absent: full speed. */
  pacing?: CatchUpPacing;
  pairing?: (server: PeerServer) => PairingHooks;
  /** The console's stick acts (bundle/bundle-asks.ts), answered on this thread's connection; absent: not here. */
  bundles?: (ask: Extract<PeerAsk, { op: 'bundleWrite' | 'bundleRead' }>) => Result<unknown>;
  wallMs: () => number;
  random?: () => number;
  after?: After;
  onApplied: (applied: { kinds: PeerKind[]; children: string[]; staff: string[] }) => void;
  /** This computer's name before its member record gives one (default: its host name, machine-name.ts). */
  ownName?: () => string;
  /** Something the status shows changed. */
  onChange?: () => void;
  logLine: (line: string) => void;
}

interface DialTo {
  address: string;
  dialer: PeerDialer;
}

/** PeerSessions that remember when each member was last connected (the status's connected and lastSeenMs). */
class TrackedSessions extends PeerSessions {
  readonly lastSeen = new Map<string, number>();
  private readonly live = new Set<PeerSession>();

  constructor(
    log: ConstructorParameters<typeof PeerSessions>[0],
    private readonly nowMs: () => number,
    private readonly changed: (session: PeerSession, added: boolean) => void,
  ) {
    super(log);
  }

  override add(session: PeerSession): boolean {
    if (!super.add(session)) return false;
    this.live.add(session);
    this.lastSeen.set(session.peerDeviceId, this.nowMs());
    this.changed(session, true);
    return true;
  }

  override remove(session: PeerSession): void {
    super.remove(session);
    if (this.live.delete(session)) this.lastSeen.set(session.peerDeviceId, this.nowMs());
    this.changed(session, false);
  }

  connected(deviceId: string): boolean {
    return this.with(deviceId).length > 0;
  }

  with(deviceId: string): PeerSession[] {
    return [...this.live].filter((s) => s.isOpen && s.peerDeviceId === deviceId);
  }
}

export class PeerServer {
  private readonly read: PeerMembersRead;
  private readonly sessions: TrackedSessions;
  private readonly dialers = new Map<string, DialTo>();
  /** Addresses learnt while running: told in a handshake, or heard in a beacon after the known one failed. */
  private readonly learnt = new Map<string, string>();
  private readonly pairing: PairingHooks | null;
  private listener: PeerListener | null = null;
  private beacon: Beacon | null = null;
  private listenerWanted = false;
  private refreshing: Promise<void> = Promise.resolve();
  private refreshAgain = false;
  private cancelTimer: (() => void) | null = null;
  private announced: number;
  /** When a pairing code was last seen open (follow()). */
  private pairingSeenMs: number | null = null;
  private stopped = false;
  private readonly after: After;
  private readonly refusals: PeerRefusalAudit;
  private readonly forks: PeerForks;

  constructor(private readonly o: PeerServerOptions) {
    this.read = new PeerMembersRead(o.db, o.log.deviceId);
    this.refusals = new PeerRefusalAudit(o.db, o.wallMs, o.logLine);
    this.forks = new PeerForks(o.db);
    this.after = o.after ?? systemAfter;
    this.sessions = new TrackedSessions(o.log, o.wallMs, (session, added) => this.sessionChanged(session, added));
    this.announced = o.log.newest()?.seq ?? 0;
    this.pairing = o.pairing?.(this) ?? null;
  }

  get deviceId(): string {
    return this.o.log.deviceId;
  }

  /** Where the listener is (null: not listening). */
  get listeningPort(): number | null {
    return this.listener?.port ?? null;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await this.refreshing;
    for (const { dialer } of this.dialers.values()) dialer.stop();
    this.dialers.clear();
    await this.listener?.close();
    this.listener = null;
    await this.beacon?.stop();
    this.beacon = null;
    this.refusals.flush();
  }

  /** Own records were committed (the core's `new-head`): the new ones go to every open session as one `new`. */
  newHead(): void {
    const newest = this.o.log.newest()?.seq ?? 0;
    if (newest <= this.announced) return;
    const from = this.announced + 1;
    this.announced = newest;
    this.sessions.announce(from);
  }

  /**
   * Reads the group again and makes the listener, the dialers and the beacon follow it. Serialised: a refresh asked
   * while one runs runs once more after it.
   */
  refresh(): Promise<void> {
    if (this.stopped) return this.refreshing;
    this.refreshAgain = true;
    this.refreshing = this.refreshing.then(async () => {
      while (this.refreshAgain && !this.stopped) {
        this.refreshAgain = false;
        try {
          await this.follow();
        } catch (error) {
          this.o.logLine(`[peers] could not follow the group: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
    return this.refreshing;
  }

  /** One ask of the core's PeerControl, answered with its op's Result. */
  async ask(message: PeerAsk): Promise<Result<unknown>> {
    switch (message.op) {
      case 'status':
        return ok(this.status());
      case 'openPairing':
        return this.pairing ? this.afterPairing(this.pairing.open(message.args)) : notYet('openPairing');
      case 'closePairing':
        return this.pairing ? this.afterPairing(this.pairing.close()) : ok(null);
      case 'join':
        return this.pairing ? this.afterPairing(this.pairing.join(message.args)) : notYet('join');
      case 'revoke':
        return this.pairing ? this.afterPairing(this.pairing.revoke(message.args)) : notYet('revoke');
      case 'setAddress':
        return this.setAddress(message.args);
      case 'bundleWrite':
      case 'bundleRead': {
        if (this.o.bundles === undefined) return notYet(message.op);
        const answered = this.o.bundles(message);
        // A stick may bring member records: whom to listen for and dial changes at once, not at the next look.
        if (message.op === 'bundleRead') void this.refresh();
        return answered;
      }
    }
  }

  status(): PeerStatus {
    const now = this.o.wallMs();
    const others = this.read.others();
    const self = this.read.self();
    const have = this.o.log.haveVector();
    const listening = this.listener === null ? null : { port: this.listener.port, addresses: this.ownAddrs() };
    const selfView: PeerMemberView = {
      deviceId: this.deviceId,
      name: self?.name ?? (this.o.ownName ?? defaultMachineName)(),
      role: self?.role ?? 'door',
      self: true,
      revoked: false,
      address: listening?.addresses[0] ?? null,
      connected: false,
      lastSeenMs: null,
      heldSeq: have[this.deviceId] ?? 0,
      keptAfterRemoval: 0,
    };
    const views = others.map((m): PeerMemberView => {
      const held = have[m.deviceId] ?? 0;
      return {
        deviceId: m.deviceId,
        name: m.name,
        role: m.role,
        self: false,
        revoked: m.revoked,
        address: this.addressOf(m),
        connected: this.sessions.connected(m.deviceId),
        lastSeenMs: this.sessions.connected(m.deviceId) ? now : (this.sessions.lastSeen.get(m.deviceId) ?? null),
        heldSeq: held,
        keptAfterRemoval: m.revoked && m.acceptUpToSeq !== null ? Math.max(0, held - m.acceptUpToSeq) : 0,
      };
    });
    return {
      groupId: this.read.groupId(),
      listening,
      pairingOpenUntilMs: this.pairing?.openUntilMs() ?? null,
      members: [selfView, ...views].slice(0, 64),
      waitingLong: this.read.waitingSince(now - WAITING_LONG_MS),
      forks: this.forks.total(),
    };
  }

  /** The open sessions with a member, and whether this machine dialled each (one per pair once settled). */
  sessionsWith(deviceId: string): { dialled: boolean }[] {
    return this.sessions.with(deviceId).map((s) => ({ dialled: s.dialled }));
  }

  /** Own addresses, as shown with a pairing code and told to peers. */
  ownAddrs(): string[] {
    return this.listener === null ? [] : ownAddresses(this.o.host, this.listener.port);
  }

  private async afterPairing(answer: Promise<Result<unknown>>): Promise<Result<unknown>> {
    const result = await answer;
    // A code opened or closed, a group joined, a member revoked: the listener and the dialers follow.
    await this.refresh();
    return result;
  }

  private async setAddress(args: PeerArgs<'setAddress'>): Promise<Result<unknown>> {
    const member = this.read.others().find((m) => m.deviceId === args.deviceId);
    if (member === undefined) return fail('INVALID_REQUEST', `no member ${args.deviceId}`);
    // Kept in peer_addresses where pairing's table is; otherwise for as long as the worker runs.
    if (!this.read.typeAddress(args.deviceId, args.address, args.by.staffId, Math.trunc(this.o.wallMs()))) this.learnt.set(args.deviceId, args.address);
    await this.refresh();
    return ok(null);
  }

  private tick(): void {
    if (this.stopped) return;
    this.cancelTimer = this.after(this.o.tuning?.membersEveryMs ?? MEMBERS_EVERY_MS, () => {
      this.refusals.flush();
      // Own rows another connection wrote (the sync worker's city-acks) come with no new-head: announced here, within
      // a tick, rather than at the next have.
      this.newHead();
      void this.refresh().then(() => this.tick());
    });
  }

  /** The dial target of a member: typed by an admin, else learnt while running, else what its member record tells. */
  private addressOf(m: MemberRow): string | null {
    return m.typed ?? this.learnt.get(m.deviceId) ?? m.recordAddrs[0] ?? null;
  }

  private async follow(): Promise<void> {
    const groupId = this.read.groupId();
    const members = this.read.others().filter((m) => !m.revoked);
    // A code spent by the exchange under way is no longer open, yet that exchange (up to 30 s of scrypt and welcome)
    // must not lose its socket: the listener stays for a while after a code was last seen open.
    const now = this.o.wallMs();
    if ((this.pairing?.openUntilMs() ?? null) !== null) this.pairingSeenMs = now;
    const pairing = this.pairingSeenMs !== null && now - this.pairingSeenMs < PAIRING_GRACE_MS;
    const wantListener = (groupId !== null && members.length > 0) || pairing;
    this.listenerWanted = wantListener;
    if (wantListener && this.listener === null) await this.openListener();
    if (!wantListener && this.listener !== null) await this.closeListener();
    await this.followBeacon(members.length > 0);
    this.followDialers(groupId, members);
    this.o.onChange?.();
  }

  private async openListener(): Promise<void> {
    try {
      this.listener = await startPeerListener({
        host: this.o.host,
        port: this.o.peerPort,
        onConnection: (connection) => this.accept(connection),
        log: this.o.logLine,
        ...(this.o.tuning?.listener === undefined ? {} : { limits: this.o.tuning.listener }),
      });
      this.o.logLine(`[peers] listening on ${this.o.host}:${this.listener.port}`);
    } catch (error) {
      // The port taken by another program: the link runs dial-only until the next refresh tries again.
      this.o.logLine(`[peers] cannot listen on ${this.o.host}:${this.o.peerPort}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.close();
    this.o.logLine('[peers] not listening: no member and no pairing code');
  }

  private accept(connection: PeerConnection): void {
    if (connection.path === 'pair') {
      if (this.pairing?.openUntilMs() == null) return connection.close(PEER_CLOSE.PEER_BAD_FRAME, 'no pairing code open');
      return this.pairing.accept(connection);
    }
    const deps = this.sessionDeps();
    if (deps === null || !this.listenerWanted) return connection.close(PEER_CLOSE.PEER_OTHER_GROUP, 'not in a group');
    acceptPeerSession(connection, deps);
  }

  private sessionDeps(): SessionDeps | null {
    const groupId = this.read.groupId();
    if (groupId === null) return null;
    const addrs = this.ownAddrs();
    return {
      own: { deviceId: this.deviceId, groupId, signKey: this.o.signKey, addrs },
      members: memberLookupOf(this.o.db),
      sessions: this.sessions,
      log: this.o.log,
      importPage: (records, heads, from, archived) => this.importPage(records, heads, from, archived),
      refused: (refusal) => this.refusals.refused(refusal),
      addrs,
      after: this.after,
      logLine: this.o.logLine,
      ...(this.o.tuning?.haveEveryMs === undefined ? {} : { haveEveryMs: this.o.tuning.haveEveryMs }),
      ...(this.o.pacing === undefined ? {} : { pacing: this.o.pacing }),
    };
  }

  private followDialers(groupId: string | null, members: MemberRow[]): void {
    const wanted = new Map<string, string>();
    if (groupId !== null) {
      for (const m of members) {
        const address = this.addressOf(m);
        if (address !== null) wanted.set(m.deviceId, address);
      }
    }
    for (const [deviceId, dial] of this.dialers) {
      if (wanted.get(deviceId) === dial.address) continue;
      dial.dialer.stop();
      this.dialers.delete(deviceId);
    }
    for (const [deviceId, address] of wanted) {
      if (this.dialers.has(deviceId)) continue;
      const deps = this.sessionDeps();
      if (deps === null) return;
      const dialer = new PeerDialer({
        ...deps,
        address,
        random: this.o.random ?? Math.random,
        standby: () => this.sessions.connected(deviceId),
        ...(this.o.tuning?.dialBackoff === undefined ? {} : { backoff: this.o.tuning.dialBackoff }),
      });
      this.dialers.set(deviceId, { address, dialer });
      dialer.start();
    }
  }

  private async followBeacon(wanted: boolean): Promise<void> {
    if (this.o.beacon === null || wanted === (this.beacon !== null)) return;
    if (!wanted) {
      await this.beacon?.stop();
      this.beacon = null;
      return;
    }
    const port = this.listener?.port ?? this.o.peerPort;
    if (port === 0) return;
    try {
      this.beacon = await startBeacon({
        peerPort: port,
        signPubRaw: rawPublicKey(this.o.signKey),
        ...(this.o.beacon === undefined ? { listenPort: BEACON_PORT } : this.o.beacon),
        heard: (from) => this.heard(from),
        log: this.o.logLine,
      });
    } catch (error) {
      this.o.logLine(`[peers] no beacon: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** A beacon whose tag is a member's: its address is tried once the known one has failed a while. */
  private heard(from: { address: string; peerPort: number; tag: Buffer }): void {
    const now = this.o.wallMs();
    for (const m of this.read.others()) {
      if (m.revoked || !beaconTag(m.signPubRaw).equals(from.tag)) continue;
      if (this.sessions.connected(m.deviceId)) return;
      const since = this.sessions.lastSeen.get(m.deviceId) ?? null;
      const known = this.addressOf(m);
      if (known !== null && since !== null && now - since < BEACON_AFTER_FAIL_MS) return;
      const address = `${from.address}:${from.peerPort}`;
      if (address === known) return;
      this.o.logLine(`[peers] ${m.deviceId} heard at ${address}`);
      this.learnt.set(m.deviceId, address);
      void this.refresh();
      return;
    }
  }

  private sessionChanged(session: PeerSession, added: boolean): void {
    // A session that ended (an accepted one, or the one a pair dropped): the dialer of that member looks again now.
    if (!added) this.dialers.get(session.peerDeviceId)?.dialer.wake();
    // The dialler's own listening address, told in its handshake: this machine dials it there too.
    const told = session.peerAddrs[0];
    if (added && told !== undefined && !this.dialers.has(session.peerDeviceId) && !this.learnt.has(session.peerDeviceId)) {
      this.learnt.set(session.peerDeviceId, told);
      void this.refresh();
    }
    this.o.onChange?.();
  }

  /** The session's importer: a page judged and written, the waiting retried when something was applied. */
  private importPage(records: PeerRecord[], heads: SignedHead[], from: string, archived: SignedHead[] = []): SessionImport {
    const ctx = { ownDeviceId: this.deviceId, appliers: this.o.appliers, nowMs: this.o.wallMs };
    const result = importPage(this.o.db, { records, heads, archived }, ctx);
    if (!result.ok) {
      const { code, deviceId, seq, why } = result.refusal;
      this.o.logLine(`[peers] page refused: ${code} ${deviceId}/${seq}: ${why}`);
      this.refusals.refused({ reason: code, side: 'page', remoteKey: from, remote: from, detail: `${deviceId}/${seq}: ${why}` });
      if (code === 'PEER_FORK') this.keepFork({ deviceId, seq, from, why });
      this.o.onChange?.();
      return result;
    }
    if (result.clockAhead) this.o.logLine(`[peers] a peer's clock is more than 10 minutes ahead (${result.newestHlc ?? ''}): not followed`);
    const retried: Applied | null = result.applied > 0 ? retryWaiting(this.o.db, this.o.appliers) : null;
    const kinds = new Set<PeerKind>([...result.kinds, ...(retried?.kinds ?? [])]);
    if (kinds.size > 0) {
      this.o.onApplied({ kinds: [...kinds], children: unique(result.children, retried?.children), staff: unique(result.staff, retried?.staff) });
    }
    // A member or its revocation taken in: whom to listen for and dial changes.
    if (kinds.has('member') || kinds.has('member-revoked')) void this.refresh();
    return result;
  }

  private keepFork(fork: SeenFork): void {
    try {
      this.forks.seen(fork, this.o.wallMs());
    } catch (error) {
      this.o.logLine(`[peers] a fork could not be kept: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function unique(a: readonly string[], b: readonly string[] | undefined): string[] {
  return [...new Set([...a, ...(b ?? [])])];
}

/** Hooks that pair nothing (a worker started without pairing's parts). */
export const noPairing: PairingHooks = {
  openUntilMs: () => null,
  accept: (connection) => connection.close(PEER_CLOSE.PEER_BAD_FRAME, 'no pairing here'),
  open: () => Promise.resolve(notYet('openPairing')),
  close: () => Promise.resolve(ok(null)),
  join: () => Promise.resolve(notYet('join')),
  revoke: () => Promise.resolve(notYet('revoke')),
};

function notYet(op: PeerOp): Result<unknown> {
  return fail('PEER_LINK_OFF', `${op}: not yet (pairing is not built into this version)`);
}
