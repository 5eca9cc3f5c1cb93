// The city's side of push_20k_s alone: a 20,000-record backlog pushed in batches of MAX_PUSH_RECORDS to the reference
// city server running as its own process, with bodies built beforehand so the pushing side costs next to nothing.
// - city_push_20k_cpu_ms: the city process's CPU time (user + system, from /proc) over the 20 pushes.
// - city_push_20k_s: their wall-clock time, one push in flight.
import { spawn } from 'node:child_process';
import { v7 as uuidv7 } from 'uuid';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PUSH_RECORDS, PROTOCOL_HEADER, PROTOCOL_VERSION, PATHS, type AttendanceRecord } from '../shared/sync/protocol.js';
import { attendanceRecordHash, GENESIS_HASH } from '../city-server/src/records/event-hash.js';
import { repoRoot } from '../e2e/support/kiosk-host.js';
import { report } from './stats.js';

const BACKLOG = 20_000;
const CLOCK_TICKS_PER_S = 100;

/** A device's chain of arrivals for the demo kindergarten's children, as the kiosk queues them. */
function backlog(deviceId: string, count: number): AttendanceRecord[] {
  const start = Date.parse('2026-10-01T08:00:00.000+05:00');
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const occurredMs = start + i * 60_000;
    const occurredAt = `${new Date(occurredMs + 5 * 3_600_000).toISOString().slice(0, 23)}+05:00`;
    const base = {
      id: uuidv7(),
      deviceId,
      deviceSeq: i + 1,
      childId: `ch${String((i % 300) + 1).padStart(4, '0')}`,
      kind: 'arrival' as const,
      method: 'rfid' as const,
      companionId: null,
      credentialId: null,
      staffId: null,
      occurredAt,
      occurredMs,
      localDate: occurredAt.slice(0, 10),
      prevHash,
    };
    prevHash = attendanceRecordHash(base);
    return { type: 'attendance' as const, ...base, hash: prevHash, clockOffsetMs: null };
  });
}

function cpuMsOf(pid: number): number {
  const text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

export async function benchCityPush(): Promise<void> {
  const dataDir = mkdtempSync(existsSync('/dev/shm') ? '/dev/shm/esik-bench-city-' : join(tmpdir(), 'esik-bench-city-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'city-server/src/cli.ts'), '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    const { url, code } = await new Promise<{ url: string; code: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`city server did not start:\n${output}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-10_000); // it logs every request
        const found = { url: /^CITY_URL (\S+)$/m.exec(output)?.[1], code: /^ENROLLMENT_CODE (\S+)$/m.exec(output)?.[1] };
        if (found.url && found.code) {
          clearTimeout(timer);
          resolve({ url: found.url, code: found.code });
        }
      });
      child.once('exit', (exit) => reject(new Error(`city server exited with ${String(exit)}:\n${output}`)));
    });
    const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' };
    const deviceId = uuidv7();
    const enrolled = await fetch(new URL(PATHS.enroll, url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ enrollmentCode: code, deviceId, publicKey: 'A'.repeat(43), deviceName: 'bench' }),
    });
    const { token } = (await enrolled.json()) as { token: string };
    const records = backlog(deviceId, BACKLOG);
    const bodies: string[] = [];
    for (let at = 0; at < records.length; at += MAX_PUSH_RECORDS) {
      const batch = records.slice(at, at + MAX_PUSH_RECORDS);
      const last = batch.at(-1);
      bodies.push(JSON.stringify({ deviceId, records: batch, chainHead: { deviceSeq: last?.deviceSeq, hash: last?.hash } }));
    }
    const pid = child.pid ?? 0;
    const cpuBefore = cpuMsOf(pid);
    const started = performance.now();
    for (const body of bodies) {
      const reply = await fetch(new URL(PATHS.push, url), { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}` }, body });
      const text = await reply.text();
      if (reply.status !== 200 || text.includes('"rejected"')) throw new Error(`push refused: ${reply.status} ${text.slice(0, 300)}`);
    }
    const seconds = (performance.now() - started) / 1000;
    report('city_push_20k_cpu_ms', cpuMsOf(pid) - cpuBefore, 'ms');
    report('city_push_20k_s', seconds, 's');
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
