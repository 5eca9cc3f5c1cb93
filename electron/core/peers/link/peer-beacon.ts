// The fallback for a peer whose address changed (docs/peers.md §4): every machine with peers says "I am here, on this
// port, and my key's tag is this" in a 16-byte UDP broadcast, and listens for the others'. A beacon carries no name and
// nothing else: a matching tag only proposes an address, which is then tried with the authenticated handshake.
import { hash } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { BEACON_BYTES, BEACON_MAGIC, BEACON_PORT } from '../../../../shared/peers/peer-protocol.js';

export const BEACON_EVERY_MS = 30_000;
const TAG_BYTES = 8;

/** The first 8 bytes of SHA-256 of a machine's raw Ed25519 public key. */
export function beaconTag(signPubRaw: Uint8Array): Buffer {
  return hash('sha256', signPubRaw, 'buffer').subarray(0, TAG_BYTES);
}

export function encodeBeacon(peerPort: number, tag: Uint8Array): Buffer {
  if (!Number.isInteger(peerPort) || peerPort < 1 || peerPort > 65_535) throw new RangeError(`not a port: ${peerPort}`);
  if (tag.length !== TAG_BYTES) throw new RangeError(`a beacon tag is ${TAG_BYTES} bytes`);
  const out = Buffer.alloc(BEACON_BYTES);
  out.write(BEACON_MAGIC, 0, 'latin1');
  out.writeUInt16BE(peerPort, BEACON_MAGIC.length);
  Buffer.from(tag).copy(out, BEACON_MAGIC.length + 2);
  return out;
}

/** Null for anything but a well-formed beacon: the port is open to the whole LAN. */
export function decodeBeacon(datagram: Uint8Array): { peerPort: number; tag: Buffer } | null {
  const bytes = Buffer.from(datagram);
  if (bytes.length !== BEACON_BYTES || bytes.toString('latin1', 0, BEACON_MAGIC.length) !== BEACON_MAGIC) return null;
  const peerPort = bytes.readUInt16BE(BEACON_MAGIC.length);
  if (peerPort === 0) return null;
  return { peerPort, tag: bytes.subarray(BEACON_MAGIC.length + 2) };
}

export interface BeaconOptions {
  peerPort: number;
  signPubRaw: Uint8Array;
  /** Where beacons go and are heard: the LAN's broadcast address in service, 127.0.0.1 and a free port in tests. */
  target?: { address: string; port: number };
  listenPort?: number;
  everyMs?: number;
  /** A beacon from another machine: its address (the datagram's source) and what it said. */
  heard(from: { address: string; peerPort: number; tag: Buffer }): void;
  log(line: string): void;
}

export interface Beacon {
  /** The UDP port it listens on (the protocol's, or the one a test asked for). */
  port: number;
  stop(): Promise<void>;
}

export async function startBeacon(options: BeaconOptions): Promise<Beacon> {
  const own = beaconTag(options.signPubRaw);
  const datagram = encodeBeacon(options.peerPort, own);
  const target = options.target ?? { address: '255.255.255.255', port: BEACON_PORT };
  const socket: Socket = createSocket({ type: 'udp4', reuseAddr: true });
  socket.on('error', (error) => options.log(`[peers] beacon: ${error.message}`));
  socket.on('message', (message, rinfo) => {
    const beacon = decodeBeacon(message);
    // Our own broadcast comes back to us; a machine never proposes itself.
    if (beacon === null || beacon.tag.equals(own)) return;
    options.heard({ address: rinfo.address, ...beacon });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.listenPort ?? BEACON_PORT, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  if (target.address.endsWith('.255')) socket.setBroadcast(true);
  const send = (): void => socket.send(datagram, target.port, target.address, (error) => error && options.log(`[peers] beacon not sent: ${error.message}`));
  send();
  const timer = setInterval(send, options.everyMs ?? BEACON_EVERY_MS);
  return {
    port: socket.address().port,
    stop: () =>
      new Promise<void>((done) => {
        clearInterval(timer);
        socket.close(() => done());
      }),
  };
}
