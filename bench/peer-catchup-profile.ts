// Where a catch-up's time goes, in one process (docs/peers.md §10 step 10): the pieces a catch-up runs, timed per phase
// per page, on the files bench/peer-catchup.ts makes (two paired demo doors, 10,000 records written at A while both
// are stopped). The sender's page read and JSON, the frame cipher both ways, the receiver's JSON and zod, the import
// (judge and write in one transaction) and the retry of the waiting, as peer-session.ts and peer-server.ts run them,
// without the socket. `--cpu-prof` on this script profiles them (the doors' own processes are not needed).
//   npx tsx bench/peer-catchup-profile.ts [runs]        (ESIK_PROFILE_KEEP=<dir> keeps and reuses the prepared files)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes, createPrivateKey } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionMessageSchema } from '../shared/peers/peer-protocol.js';
import type { HaveVector } from '../shared/peers/peer-record.js';
import { FileSecretStore } from '../electron/core/files/secret-store.js';
import { bindPeerLog, PeerLog } from '../electron/core/ledger/peer-log.js';
import { peerAppliers } from '../electron/core/peer-worker-entry.js';
import { frameOpener, frameSealer } from '../electron/core/peers/channel/frame-cipher.js';
import { openPeerConnection } from '../electron/core/peers/peer-connection.js';
import { archivedOf, headsOf, pageWithin, recordsMessageText } from '../electron/core/peers/peer-session.js';
import { importPage, retryWaiting } from '../electron/core/peers/record-import.js';
import { buildMachineHost } from '../integration/peers/support/machine.js';
import { fillDoor } from './peer-fill.js';
import { reader, startDoorPair } from './peer-pair.js';

const RECORDS = 10_000;
const LIMIT = 1000;

interface Prepared {
  dir: string;
  aDeviceId: string;
  bDeviceId: string;
}

async function prepare(dir: string): Promise<Prepared> {
  const host = buildMachineHost();
  try {
    const pair = await startDoorPair(host.cli, dir);
    await pair.stop();
    // B holds A's records from before, as the benchmark's linked doors do; then the 10,000 at A.
    run({ dir, aDeviceId: pair.a.deviceId, bDeviceId: pair.b.deviceId }, join(dir, 'b'), false);
    fillDoor(pair.a.machine.dataDir, pair.a.deviceId, RECORDS, '2026-09-01');
    const atA = reader(pair.a.machine);
    console.log(`A holds ${JSON.stringify(atA.have())}`);
    atA.close();
    return { dir, aDeviceId: pair.a.deviceId, bDeviceId: pair.b.deviceId };
  } finally {
    host.remove();
  }
}

const phases = ['read', 'stringify', 'seal', 'open', 'parse', 'zod', 'import', 'retry'] as const;
type Phase = (typeof phases)[number];

function run(p: Prepared, runDir: string, copy = true): Record<Phase, number> & { total: number; pages: number } {
  if (copy) {
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    copyFileSync(join(p.dir, 'b', 'esik.sqlite'), join(runDir, 'esik.sqlite'));
  }
  const keyOf = (folder: string) => {
    const pem = new FileSecretStore(folder, { cipher: null, log: () => undefined }).get('device-key');
    if (pem === null) throw new Error(`no device key in ${folder}`);
    return createPrivateKey(pem);
  };
  const dbA = openPeerConnection(join(p.dir, 'a', 'esik.sqlite'), null);
  const logA = new PeerLog(dbA, p.aDeviceId, keyOf(join(p.dir, 'a')), () => Date.now());
  const dbB = openPeerConnection(join(runDir, 'esik.sqlite'), null);
  const logB = new PeerLog(dbB, p.bDeviceId, keyOf(join(p.dir, 'b')), () => Date.now());
  bindPeerLog(dbB, logB);
  const key = randomBytes(32);
  const sealer = frameSealer(key);
  const opener = frameOpener(key);
  const t: Record<Phase, number> = { read: 0, stringify: 0, seal: 0, open: 0, parse: 0, zod: 0, import: 0, retry: 0 };
  const target = logA.haveVector();
  const started = performance.now();
  let pages = 0;
  try {
    for (let guard = 0; guard < 100; guard += 1) {
      const after: HaveVector = logB.haveVector();
      if (Object.entries(target).every(([origin, seq]) => (after[origin] ?? 0) >= seq)) break;
      let at = performance.now();
      const lap = (phase: Phase): void => {
        const now = performance.now();
        t[phase] += now - at;
        at = now;
      };
      // As the sender's session answers a pull (peer-session.ts answerPull): each record's JSON measured and sent once.
      const { records, texts, cut } = pageWithin(logA, after, LIMIT);
      const heads = headsOf(logA, records);
      lap('read');
      const text = recordsMessageText(guard + 1, texts, heads, cut || records.length >= LIMIT, archivedOf(logA, records));
      lap('stringify');
      const sealed = sealer.seal(text);
      if (!sealed.ok) throw new Error('seal');
      lap('seal');
      const opened = opener.open(sealed.frame);
      if (!opened.ok) throw new Error('open');
      lap('open');
      const json: unknown = JSON.parse(opened.text);
      lap('parse');
      const message = SessionMessageSchema.parse(json);
      if (message.t !== 'records') throw new Error('not records');
      lap('zod');
      const result = importPage(dbB, { records: message.records, heads: message.heads, archived: message.archived }, { ownDeviceId: p.bDeviceId, appliers: peerAppliers, nowMs: () => Date.now() });
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
      lap('import');
      if (result.applied > 0) retryWaiting(dbB, peerAppliers);
      lap('retry');
      pages += 1;
    }
  } finally {
    dbA.close();
    dbB.close();
  }
  return { ...t, total: performance.now() - started, pages };
}

const runs = Number(process.argv[2] ?? 3);
const keep = process.env.ESIK_PROFILE_KEEP;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'esik-catchup-profile-'));
try {
  const meta = join(dir, 'prepared.json');
  let prepared: Prepared;
  if (keep !== undefined && existsSync(meta)) prepared = JSON.parse(readFileSync(meta, 'utf8')) as Prepared;
  else {
    prepared = await prepare(dir);
    writeFileSync(meta, JSON.stringify(prepared));
  }
  for (let i = 0; i < runs; i += 1) {
    const r = run(prepared, join(dir, 'run'));
    console.log(
      `run ${i + 1}: ${r.pages} pages in ${r.total.toFixed(0)} ms — ` + phases.map((ph) => `${ph} ${r[ph].toFixed(0)}`).join(', '),
    );
  }
} finally {
  if (keep === undefined) rmSync(dir, { recursive: true, force: true });
}
