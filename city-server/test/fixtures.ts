// Test fixtures for the city server: a temp data folder, a running server closed after the test, an enrolled
// device, and chains of valid attendance records (hashed with the server's own canonical hash).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { EnrollReplySchema, type AttendanceRecord, type ChainHead } from '../../shared/sync/protocol.js';
import { startCityServer, type CityServerOptions, type RunningCityServer } from '../src/city-server.js';
import { attendanceRecordHash, GENESIS_HASH } from '../src/records/event-hash.js';
import { call } from './http-client.js';

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esik-city-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startTestServer(options: Partial<CityServerOptions> = {}): Promise<RunningCityServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startCityServer({ seed: 'demo', ...options, dataDir });
  onTestFinished(() => server.close());
  return Object.assign(server, { dataDir });
}

export function kioskPublicKey(): string {
  const { x } = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('no Ed25519 key');
  return x;
}

export interface EnrolledDevice {
  deviceId: string;
  kindergartenId: string;
  token: string;
}

export async function enrollDevice(server: RunningCityServer, name = 'Door 1'): Promise<EnrolledDevice> {
  const reply = await call(server.url, '/v1/enroll', {
    body: { enrollmentCode: server.issueEnrollmentCode(), publicKey: kioskPublicKey(), deviceName: name, deviceId: randomUUID() },
  });
  expect(reply.status).toBe(200);
  return EnrollReplySchema.parse(reply.json);
}

export interface ChainOptions {
  childIds?: readonly string[];
  startSeq?: number;
  prevHash?: string;
  /** Epoch ms of the first event; one minute apart after it. */
  startMs?: number;
}

/** A device's hash chain of attendance records in the kindergarten's zone (UTC+5), correctly linked. */
export function recordChain(deviceId: string, count: number, options: ChainOptions = {}): AttendanceRecord[] {
  const childIds = options.childIds ?? ['ch0001', 'ch0002', 'ch0003'];
  let prevHash = options.prevHash ?? GENESIS_HASH;
  const startMs = options.startMs ?? Date.parse('2026-11-23T08:00:00.000+05:00');
  const records: AttendanceRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const occurredMs = startMs + i * 60_000;
    const base = {
      id: randomUUID(),
      deviceId,
      deviceSeq: (options.startSeq ?? 1) + i,
      childId: childIds[i % childIds.length] ?? 'ch0001',
      kind: i % 2 === 0 ? ('arrival' as const) : ('departure' as const),
      method: 'rfid' as const,
      companionId: 'cp0001',
      credentialId: 'cr00001',
      staffId: null,
      occurredAt: almatyIso(occurredMs),
      occurredMs,
      localDate: almatyIso(occurredMs).slice(0, 10),
      prevHash,
    };
    const hash = attendanceRecordHash(base);
    records.push({ type: 'attendance', ...base, hash, clockOffsetMs: null });
    prevHash = hash;
  }
  return records;
}

export function headOf(records: readonly AttendanceRecord[]): ChainHead {
  const last = records.at(-1);
  return last ? { deviceSeq: last.deviceSeq, hash: last.hash } : { deviceSeq: 0, hash: GENESIS_HASH };
}

/** 2026-11-23T08:12:03.120+05:00 for an instant, as the kiosk writes occurredAt. */
export function almatyIso(ms: number): string {
  return `${new Date(ms + 5 * 3_600_000).toISOString().slice(0, 23)}+05:00`;
}
