// Pairing over sockets (docs/peers.md §3 "The exchange", docs/peer-protocol.md §Pairing). The sponsor holds one code in
// memory (10 minutes, one pairing, void after 3 wrong tries; a restart voids it) and runs PairSponsor on every
// connection the peer port takes on its pair path; the joiner dials `ws://address/esik-peer/1/pair`, runs PairJoiner
// and takes the welcome. Every wait is bounded: connecting 5 s, the whole exchange 30 s (each side's scrypt is N 2^15).
// The refusals are the console's codes (shared/peers/peer-errors.ts); the finer reason goes in the detail, for the log.
import type { Database } from 'better-sqlite3';
import WebSocket, { type RawData } from 'ws';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { DEFAULT_PEER_PORT, MAX_PEER_FRAME_BYTES, PEER_PATHS, type PairRefusedCode, type PairWelcome } from '../../../shared/peers/peer-protocol.js';
import { PeerAddress } from '../../../shared/peers/peer-record.js';
import type { PairingOpened, PeerJoined } from '../../../shared/peers/peer-status.js';
import type { PeerErrorCode } from '../../../shared/peers/peer-errors.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import { localTimeOf, type Clock } from '../time/clock.js';
import { normalisePairingCode, PairingCode } from './channel/pairing-code.js';
import { PairJoiner, PairSponsor, type PairRefusal } from './channel/pairing.js';
import type { Frame } from './channel/text-frame.js';
import type { PeerConnection } from './link/peer-listener.js';
import { foundGroup, type GroupActor, type OwnMachine } from './peer-group.js';
import { joinRefusal, takeWelcome, type JoinContext } from './pairing-join.js';
import { restoreOwnPins, voidOwnPins } from './pairing-pins.js';
import { welcomeFor } from './pairing-welcome.js';

export const PAIR_CONNECT_MS = 5_000;
export const PAIR_EXCHANGE_MS = 30_000;
/** Refusals of one kind from one address are audited once an hour (docs/peers.md §3 "Audit"). */
export const PAIR_REFUSED_AUDIT_EVERY_MS = 60 * 60 * 1000;

/** "host:port" from what an admin typed ("192.168.1.23:47620", "office-pc", "ws://10.0.0.5:47620/"), or null. */
export function peerAddressOf(typed: string): string | null {
  const bare = typed.trim().replace(/^wss?:\/\//i, '').replace(/\/.*$/, '');
  const withPort = /:\d{1,5}$/.test(bare) ? bare : `${bare}:${DEFAULT_PEER_PORT}`;
  const port = Number(withPort.slice(withPort.lastIndexOf(':') + 1));
  if (port < 1 || port > 65_535 || !/^[A-Za-z0-9.-]+:\d+$/.test(withPort)) return null;
  return PeerAddress.safeParse(withPort).success ? withPort : null;
}

function frameOf(data: RawData | Buffer, isBinary: boolean): Frame {
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  return isBinary ? new Uint8Array(bytes) : bytes.toString('utf8');
}

export interface SponsorPairingOptions {
  db: Database;
  /** This machine as its own member record states it (asked when the group is founded and at each pairing). */
  own: () => OwnMachine;
  clock: Clock;
  log: (line: string) => void;
  /** A computer was paired: the sponsor's log has its member record (to announce to the sessions). */
  onPaired?: () => void;
}

/** The sponsor: the one open code, and the pairing on each connection of the peer port's pair path. */
export class SponsorPairing {
  private code: PairingCode | null = null;
  private by: GroupActor | null = null;
  /** The group's PIN pepper (this machine's own), held in memory with the code it goes out with. */
  private pepper: Buffer | null = null;
  private readonly refusalsAudited = new Map<string, number>();

  constructor(private readonly o: SponsorPairingOptions) {}

  /** Opens a new code (any older one is void), founding the group first if this machine has none. */
  open(by: GroupActor, addresses: string[], pepper: Buffer): PairingOpened {
    foundGroup(this.o.db, this.o.own(), by, localTimeOf(this.o.clock));
    this.code = PairingCode.open(this.o.clock);
    this.by = by;
    this.pepper = pepper;
    this.o.log(`[peers] pairing code opened by ${by.staffId} until ${new Date(this.code.expiresAtMs).toISOString()}`);
    return { code: this.code.display, expiresMs: this.code.expiresAtMs, addresses };
  }

  close(): void {
    this.code = null;
    this.by = null;
    this.pepper = null;
  }

  /** When the open code ends, or null while none can still pair (none opened, used, burnt or past its time). */
  openUntilMs(): number | null {
    const code = this.code;
    if (code === null) return null;
    const state = code.begin();
    return state.ok ? code.expiresAtMs : null;
  }

  /** Runs the sponsor's side on a connection of the pair path, to its end (bounded by PAIR_EXCHANGE_MS). */
  accept(connection: PeerConnection): void {
    const code = this.code;
    const by = this.by;
    const pepper = this.pepper;
    const own = this.o.own();
    const sponsor = new PairSponsor(
      { deviceId: own.deviceId, signKey: own.signKey },
      () => code,
      (join) => {
        if (by === null || pepper === null) throw new Error('no admin opened a code');
        return welcomeFor({ db: this.o.db, ownDeviceId: own.deviceId, by, pepper: () => pepper, at: () => localTimeOf(this.o.clock) }, join, connection.remote);
      },
    );
    const deadline = setTimeout(() => connection.close(1008, 'pairing took too long'), PAIR_EXCHANGE_MS);
    deadline.unref();
    connection.onClose(() => clearTimeout(deadline));
    // One frame at a time: a step's scrypt is awaited before the next frame is read.
    let chain: Promise<void> = Promise.resolve();
    connection.onMessage((data, isBinary) => {
      chain = chain.then(async () => {
        const step = await sponsor.receive(frameOf(data, isBinary));
        if (sponsor.joinerProven) connection.authenticated();
        if (step.t === 'send') return connection.send(step.frame);
        if (step.t === 'refused') {
          this.refused(step.code, connection.remote, by);
          if (step.send !== null) connection.send(step.send);
          return connection.close(step.close, step.code);
        }
        connection.send(step.send);
        connection.close(1000, 'paired');
        this.o.log(`[peers] paired ${step.join.name} (${step.join.deviceId}) from ${connection.remote}`);
        this.o.onPaired?.();
      });
    });
  }

  /** A refused try: logged, and for a wrong or dead code audited once an hour per kind and address. */
  private refused(code: PairRefusal, remote: string, by: GroupActor | null): void {
    this.o.log(`[peers] pairing from ${remote} refused: ${code}`);
    const told: readonly string[] = ['PAIR_CODE_WRONG', 'PAIR_CODE_EXPIRED', 'PAIR_CODE_USED', 'PAIR_NO_CODE'];
    if (by === null || !told.includes(code)) return;
    const host = remote.slice(0, remote.lastIndexOf(':'));
    const key = JSON.stringify([code, host]);
    const nowMs = this.o.clock.now().getTime();
    const last = this.refusalsAudited.get(key);
    if (last !== undefined && nowMs - last < PAIR_REFUSED_AUDIT_EVERY_MS) return;
    this.refusalsAudited.set(key, nowMs);
    try {
      this.o.db.transaction(() => new AdminAudit(this.o.db).record('peer-pair-refused', by.staffId, localTimeOf(this.o.clock), { code, remote }))();
    } catch (error) {
      this.o.log(`[peers] the refused pairing could not be audited: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** What a refusal in the exchange tells the joiner's admin. */
export function joinerCodeOf(refusal: PairRefusal): PeerErrorCode {
  const expired: readonly PairRefusedCode[] = ['PAIR_CODE_EXPIRED', 'PAIR_CODE_USED', 'PAIR_NO_CODE'];
  if (refusal === 'PAIR_CODE_WRONG') return 'PAIR_CODE_WRONG';
  return (expired as readonly string[]).includes(refusal) ? 'PAIR_CODE_EXPIRED' : 'PEER_PAIR_FAILED';
}

export interface DialPairingOptions {
  /** "host:port" (peerAddressOf). */
  address: string;
  code: string;
  own: OwnMachine;
  /** How many own records it brings (PairJoin records.own): the last seq of its own peer log. */
  ownRecords: number;
  connectMs?: number;
  exchangeMs?: number;
}

/** The joiner's exchange: the sponsor's welcome, or why not, in at most exchangeMs. */
export function dialPairing(o: DialPairingOptions): Promise<Result<PairWelcome>> {
  if (normalisePairingCode(o.code) === null) return Promise.resolve(fail('PAIR_CODE_WRONG', 'not a pairing code (12 characters)'));
  // PairJoin's name is 1–60 characters; the join step takes up to 100 (shared/peers/peer-status.ts).
  const joiner = new PairJoiner(o.code, { ...o.own, name: o.own.name.trim().slice(0, 60), ownRecords: o.ownRecords });
  return new Promise((resolve) => {
    let settled = false;
    let opened = false;
    const ws = new WebSocket(`ws://${o.address}${PEER_PATHS.pair}`, { handshakeTimeout: o.connectMs ?? PAIR_CONNECT_MS, maxPayload: MAX_PEER_FRAME_BYTES, perMessageDeflate: false });
    const settle = (result: Result<PairWelcome>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      ws.removeAllListeners('message');
      if (ws.readyState === WebSocket.OPEN) ws.close(result.ok ? 1000 : 1008, result.ok ? 'welcomed' : 'ended');
      setTimeout(() => ws.terminate(), 1_000).unref();
      resolve(result);
    };
    const deadline = setTimeout(
      () => settle(opened ? fail('PEER_PAIR_FAILED', 'the exchange took too long') : fail('PEER_UNREACHABLE', `no answer from ${o.address}`)),
      o.exchangeMs ?? PAIR_EXCHANGE_MS,
    );
    ws.on('error', (error) => settle(fail(opened ? 'PEER_PAIR_FAILED' : 'PEER_UNREACHABLE', `${o.address}: ${error.message}`)));
    ws.on('unexpected-response', (_req, res) => settle(fail('PEER_UNREACHABLE', `${o.address} answered HTTP ${res.statusCode ?? '?'}: no Esik computer takes pairing there`)));
    ws.on('open', () => {
      opened = true;
      ws.send(joiner.hello());
    });
    let chain: Promise<void> = Promise.resolve();
    // After the frames already read are dealt with: the sponsor closes right after its welcome.
    ws.on('close', (code, reason) => {
      void chain.then(() => settle(fail('PEER_PAIR_FAILED', `the sponsor closed the exchange (${code} ${reason.toString('utf8').slice(0, 80)})`)));
    });
    ws.on('message', (data, isBinary) => {
      chain = chain.then(async () => {
        if (settled) return;
        const step = await joiner.receive(frameOf(data, isBinary));
        if (step.t === 'send') return ws.send(step.frame);
        if (step.t === 'refused') return settle(fail(joinerCodeOf(step.code), step.code));
        settle(ok(step.welcome));
      });
    });
  });
}

export interface JoinGroupOptions extends Omit<JoinContext, 'sponsorAddress'> {
  /** As the admin typed it. */
  address: string;
  code: string;
  connectMs?: number;
  exchangeMs?: number;
}

/** Joins the group whose computer shows the code: refused first when this machine may not join, then the exchange and the welcome. */
export async function joinGroup(o: JoinGroupOptions): Promise<Result<PeerJoined>> {
  const refusal = joinRefusal(o.db);
  if (refusal !== null) return fail('PEER_ALREADY_IN_GROUP', refusal);
  const address = peerAddressOf(o.address);
  if (address === null) return fail('PEER_UNREACHABLE', `not an address: ${o.address.slice(0, 80)}`);
  // Its PINs voided first, so the voids are among the records it brings (pre-join, §9); put back if the join fails.
  const voided = voidOwnPins(o.db, o.at(), o.by);
  const ownRecords = o.db.prepare<[string], { seq: number | null }>('SELECT max(seq) AS seq FROM peer_log WHERE device_id = ?').get(o.own.deviceId)?.seq ?? 0;
  const welcome = await dialPairing({ address, code: o.code, own: o.own, ownRecords, connectMs: o.connectMs, exchangeMs: o.exchangeMs });
  if (!welcome.ok) {
    restoreOwnPins(o.db, voided, o.at());
    return welcome;
  }
  try {
    return ok(takeWelcome({ ...o, sponsorAddress: address, voided }, welcome.value));
  } catch (error) {
    restoreOwnPins(o.db, voided, o.at());
    return fail('PEER_PAIR_FAILED', `the welcome could not be taken: ${error instanceof Error ? error.message : String(error)}`);
  }
}
