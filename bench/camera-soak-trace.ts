// A diagnostic trace of the web host's memory during the camera soak (`--trace <file>`): every few seconds, with no
// collection forced, one JSON line of what the kernel counts (resident memory split into anonymous, file-backed and
// shared pages), each isolate's JavaScript heap (the main thread's and each worker thread's: process.memoryUsage()
// through the inspector), the anonymous mappings that moved since the last line (glibc's main heap, its per-thread
// arenas and V8's pages are each a mapping of their own), and the records file and its WAL. A step in the host's
// resident memory can then be told to be a heap of V8's, an allocator's arena or SQLite's files.
import { appendFileSync, readFileSync, statSync } from 'node:fs';
import type { IsolateMemory, NodeInspector } from './node-inspector.js';
import { threadCount } from './process-cpu.js';

/** Often enough to see a step's shape, rarely enough that the host's own cost stays small. */
const TRACE_EVERY_MS = 5_000;
/** A mapping whose anonymous pages moved less than this since the last line is left out of it. */
const MOVED_KIB = 32;

export interface StatusKib {
  VmRSS: number;
  RssAnon: number;
  RssFile: number;
  RssShmem: number;
}

/** The resident memory's split from /proc/<pid>/status, KiB. */
export function readStatusKib(text: string): StatusKib {
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { VmRSS: field('VmRSS'), RssAnon: field('RssAnon'), RssFile: field('RssFile'), RssShmem: field('RssShmem') };
}

/** Anonymous KiB by mapping (its start address, with its name where the kernel gives one: [heap], [stack]). */
export function anonymousByMapping(smaps: string): Map<string, number> {
  const found = new Map<string, number>();
  let current: string | null = null;
  for (const line of smaps.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[3]?.trim() ?? '';
      current = `${header[1] ?? '?'}${name ? ` ${name}` : ''}`;
      continue;
    }
    const anonymous = /^Anonymous:\s+(\d+) kB$/.exec(line);
    if (anonymous && current !== null) {
      const kib = Number(anonymous[1]);
      if (kib > 0) found.set(current, kib);
    }
  }
  return found;
}

/** The mappings whose anonymous pages moved by MOVED_KIB or more from `before` to `after` (new ones and gone ones too). */
export function movedMappings(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Record<string, number> {
  const moved: Record<string, number> = {};
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(key) ?? 0) - (before.get(key) ?? 0);
    if (Math.abs(delta) >= MOVED_KIB) moved[key] = delta;
  }
  return moved;
}

export interface TraceLine {
  /** Seconds since the trace started. */
  s: number;
  status: StatusKib;
  threads: number;
  isolates: IsolateMemory[];
  /** Anonymous KiB gained (+) or given back (−) by each mapping that moved since the last line. */
  moved: Record<string, number>;
  /** The [heap] mapping's anonymous KiB: glibc's main arena. */
  brkHeapKib: number;
  databaseKib: number;
  walKib: number;
}

function fileKib(path: string): number {
  try {
    return statSync(path).size / 1024;
  } catch {
    return 0;
  }
}

/** Starts tracing the host `pid` into `file` (JSON lines); the answer stops it and waits for the line under way. */
export function startMemoryTrace(file: string, pid: number, inspector: NodeInspector, databasePath: string): () => Promise<void> {
  const started = performance.now();
  let previous = new Map<string, number>();
  let stopped = false;
  let pending: Promise<void> = Promise.resolve();
  const line = async (): Promise<void> => {
    const isolates = await inspector.isolates();
    const mappings = anonymousByMapping(readFileSync(`/proc/${String(pid)}/smaps`, 'utf8'));
    const entry: TraceLine = {
      s: Math.round((performance.now() - started) / 100) / 10,
      status: readStatusKib(readFileSync(`/proc/${String(pid)}/status`, 'utf8')),
      threads: threadCount(pid),
      isolates,
      moved: previous.size === 0 ? {} : movedMappings(previous, mappings),
      brkHeapKib: [...mappings].find(([key]) => key.endsWith(' [heap]'))?.[1] ?? 0,
      databaseKib: fileKib(databasePath),
      walKib: fileKib(`${databasePath}-wal`),
    };
    previous = mappings;
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  };
  const timer = setInterval(() => {
    if (stopped) return;
    pending = pending.then(line).catch((error: unknown) => {
      appendFileSync(file, `${JSON.stringify({ error: String(error) })}\n`);
    });
  }, TRACE_EVERY_MS);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await pending;
  };
}
