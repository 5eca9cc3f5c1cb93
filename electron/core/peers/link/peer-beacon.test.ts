// Beacons on loopback: two machines hear each other's port and tag, never their own, and anything else on the port is
// ignored.
import { generateKeyPairSync } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { rawPublicKey } from '../../credentials/ed25519.js';
import { beaconTag, decodeBeacon, encodeBeacon, startBeacon } from './peer-beacon.js';

const keyRaw = (): Uint8Array => rawPublicKey(generateKeyPairSync('ed25519').privateKey);

describe('the beacon', () => {
  it('encodes the magic, the port and the tag in 16 bytes and reads them back', () => {
    const tag = beaconTag(keyRaw());
    const datagram = encodeBeacon(47620, tag);
    expect(datagram).toHaveLength(16);
    expect(datagram.toString('latin1', 0, 6)).toBe('ESIKB1');
    expect(decodeBeacon(datagram)).toEqual({ peerPort: 47620, tag });
  });

  it('ignores anything that is not a beacon', () => {
    const good = encodeBeacon(47620, beaconTag(keyRaw()));
    expect(decodeBeacon(good.subarray(0, 15))).toBeNull();
    expect(decodeBeacon(Buffer.concat([good, Buffer.from([0])]))).toBeNull();
    expect(decodeBeacon(Buffer.from('ESIKB2'.padEnd(16, '\0'), 'latin1'))).toBeNull();
    const portZero = Buffer.from(good);
    portZero.writeUInt16BE(0, 6);
    expect(decodeBeacon(portZero)).toBeNull();
    expect(() => encodeBeacon(70_000, beaconTag(keyRaw()))).toThrow(RangeError);
  });

  it('two machines on loopback hear each other, not themselves', async () => {
    const heardByA: { peerPort: number; address: string }[] = [];
    const heardByB: { peerPort: number; address: string }[] = [];
    const probe = createSocket('udp4');
    await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
    const portB = probe.address().port;
    probe.close();
    const b = await startBeacon({ peerPort: 47002, signPubRaw: keyRaw(), listenPort: portB, target: { address: '127.0.0.1', port: portB }, everyMs: 50, heard: (h) => heardByB.push(h), log: () => undefined });
    const a = await startBeacon({ peerPort: 47001, signPubRaw: keyRaw(), listenPort: 0, target: { address: '127.0.0.1', port: b.port }, everyMs: 50, heard: (h) => heardByA.push(h), log: () => undefined });
    try {
      const deadline = Date.now() + 3_000;
      while (heardByB.filter((h) => h.peerPort === 47001).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // B sends to its own port, so it hears itself on the wire and must drop it; A's beacons reach B.
      expect(heardByB.some((h) => h.peerPort === 47001 && h.address === '127.0.0.1')).toBe(true);
      expect(heardByB.some((h) => h.peerPort === 47002)).toBe(false);
      expect(heardByA).toEqual([]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
