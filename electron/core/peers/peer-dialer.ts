// The dialling side (docs/peers.md §4–§5): connects to a member's address on /esik-peer/1, runs the initiator's
// handshake, then the same PeerSession the listener runs; when the link drops or the dial fails it tries again after
// a full-jitter back-off from 1 s doubling to 30 s (random and timers handed in, so tests choose them).
import WebSocket, { type RawData } from 'ws';
import { MAX_HANDSHAKE_FRAME_BYTES, MAX_PEER_FRAME_BYTES, PEER_PATHS } from '../../../shared/peers/peer-protocol.js';
import { SigmaInitiator } from './channel/handshake.js';
import type { SessionDeps } from './peer-accept.js';
import { PeerSession } from './peer-session.js';

export const DIAL_BACKOFF = { firstMs: 1_000, maxMs: 30_000 } as const;
/** A dial whose handshake has not finished by then is dropped and tried again. */
export const DIAL_HANDSHAKE_MS = 5_000;

export interface DialerOptions extends SessionDeps {
  /** "ip:port" (or "host:port") of the member. */
  address: string;
  /** In [0, 1): the jitter's draw. */
  random: () => number;
  backoff?: { firstMs: number; maxMs: number };
  onSession?(session: PeerSession): void;
  /** True while a session with this member is live (accepted here): no dial then, one session per pair. */
  standby?(): boolean;
}

/** Full jitter: a uniform draw under min(max, first · 2^attempt). */
export function backoffMs(attempt: number, random: () => number, backoff: { firstMs: number; maxMs: number } = DIAL_BACKOFF): number {
  const ceiling = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

function bytesOf(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export class PeerDialer {
  private attempt = 0;
  private stopped = false;
  private socket: WebSocket | null = null;
  private cancelRetry: (() => void) | null = null;
  private session: PeerSession | null = null;

  constructor(private readonly o: DialerOptions) {}

  start(): void {
    this.dial();
  }

  get current(): PeerSession | null {
    return this.session?.isOpen === true ? this.session : null;
  }

  /** No more dials; an open link is closed. */
  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.socket?.terminate();
  }

  /** A session with this member ended elsewhere (an accepted one): dial now rather than at the next standby check. */
  wake(): void {
    if (this.stopped || this.socket !== null) return;
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.dial();
  }

  private dial(): void {
    if (this.stopped) return;
    if (this.o.standby?.() === true) {
      // Looked at again now and then; a session that ends wakes the dialer at once.
      this.cancelRetry = this.o.after((this.o.backoff ?? DIAL_BACKOFF).maxMs, () => {
        this.cancelRetry = null;
        this.dial();
      });
      return;
    }
    const ws = new WebSocket(`ws://${this.o.address}${PEER_PATHS.session}`, { maxPayload: MAX_PEER_FRAME_BYTES, perMessageDeflate: false, handshakeTimeout: DIAL_HANDSHAKE_MS });
    this.socket = ws;
    const initiator = new SigmaInitiator(this.o.own, this.o.members);
    let session: PeerSession | null = null;
    const cancelHandshake = this.o.after(DIAL_HANDSHAKE_MS, () => ws.terminate());
    ws.on('error', (error) => this.o.logLine(`[peers] dial ${this.o.address}: ${error.message}`));
    ws.on('open', () => ws.send(initiator.hello()));
    ws.on('close', (code) => {
      cancelHandshake();
      if (session !== null) {
        session.ended();
        this.o.sessions.remove(session);
      }
      this.socket = null;
      this.o.logLine(`[peers] link to ${this.o.address} closed (${code})`);
      this.schedule();
    });
    ws.on('message', (data, isBinary) => {
      const bytes = bytesOf(data);
      if (session !== null) return session.receive(new Uint8Array(bytes), isBinary);
      // Until the other side proved who it is, only small frames are read (as the listener holds its side).
      if (!isBinary && bytes.length > MAX_HANDSHAKE_FRAME_BYTES) return ws.terminate();
      const step = initiator.receive(isBinary ? new Uint8Array(bytes) : bytes.toString('utf8'));
      if (step.t === 'send') return ws.send(step.text);
      if (step.t === 'refused') {
        this.o.logLine(`[peers] dial ${this.o.address}: handshake refused ${step.code}`);
        this.o.refused?.({ reason: step.code, side: 'dialled', remoteKey: step.peerDeviceId, remote: this.o.address, detail: 'handshake refused' });
        return ws.close(step.close, step.code);
      }
      cancelHandshake();
      this.attempt = 0;
      session = new PeerSession({
        ...this.o,
        dialled: true,
        channel: step.channel,
        transport: {
          send: (frame) => {
            if (ws.readyState === ws.OPEN) ws.send(frame, { binary: true });
          },
          close: (code, reason) => {
            ws.close(code, reason.slice(0, 120));
            // A peer that does not answer the close frame is not waited for.
            setTimeout(() => ws.terminate(), 1_000).unref();
          },
        },
      });
      this.session = session;
      this.o.sessions.add(session);
      session.start();
      this.o.onSession?.(session);
    });
  }

  private schedule(): void {
    if (this.stopped || this.cancelRetry !== null) return;
    const wait = backoffMs(this.attempt, this.o.random, this.o.backoff);
    this.attempt += 1;
    this.cancelRetry = this.o.after(wait, () => {
      this.cancelRetry = null;
      this.dial();
    });
  }
}
