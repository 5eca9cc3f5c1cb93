// The web host's own memory, read the way the page's is: through the inspector of the host's Node process (started
// with --inspect=127.0.0.1:0 by the bench, never by the kiosk), a full garbage collection first, then
// process.memoryUsage() and the kernel's split of resident memory (/proc/<pid>/smaps_rollup: anonymous pages are the
// process's own heap and allocations, the rest mapped files such as the binary and SQLite's shared memory).
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { z } from 'zod';
import { summarizeHeapSnapshot, type HeapSummary } from './heap-snapshot-summary.js';

const INSPECTOR_URL = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+)/;
const CALL_TIMEOUT_MS = 30_000;

const ReplySchema = z.object({ id: z.number().int(), result: z.unknown().optional(), error: z.object({ message: z.string() }).optional() });
const EvaluatedSchema = z.object({ result: z.object({ value: z.string() }) });
const ChunkEventSchema = z.object({ method: z.literal('HeapProfiler.addHeapSnapshotChunk'), params: z.object({ chunk: z.string() }) });
const MemoryUsageSchema = z.object({ rss: z.number(), heapUsed: z.number(), heapTotal: z.number(), external: z.number(), arrayBuffers: z.number() });
const AttachedSchema = z.object({
  method: z.literal('NodeWorker.attachedToWorker'),
  params: z.object({ sessionId: z.string(), workerInfo: z.object({ workerId: z.string(), url: z.string() }) }),
});
const DetachedSchema = z.object({ method: z.literal('NodeWorker.detachedFromWorker'), params: z.object({ sessionId: z.string() }) });
const FromWorkerSchema = z.object({ method: z.literal('NodeWorker.receivedMessageFromWorker'), params: z.object({ sessionId: z.string(), message: z.string() }) });

/** A call waiting for its answer: settled by the answer, or refused when the connection is lost. */
interface Settle {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One isolate's JavaScript heap as process.memoryUsage() gives it (heapTotal: the pages V8 holds for it), MB. */
export interface IsolateMemory {
  /** 'main', or the worker thread's script name (sync-worker, peer-worker, backup-worker…). */
  name: string;
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

export interface HostMemory {
  /** Resident memory right after the collection, MB. */
  rssMb: number;
  /** The host's JavaScript heap in use after the collection, MB. */
  heapUsedMb: number;
  /** Memory held by C++ objects bound to JavaScript (buffers, SQLite statements' wrappers), MB. */
  externalMb: number;
  /** Resident anonymous memory (the process's own, not mapped files), MB; null without /proc. */
  anonymousMb: number | null;
}

export interface NodeInspector {
  /** Collects garbage twice (what the first one's finalizers let go, the second takes), then reads the memory. */
  memoryAfterGc(): Promise<HostMemory>;
  /** A heap snapshot of the host (V8 collects garbage first), summed by kind as the page's are. */
  heapSummary(): Promise<HeapSummary>;
  /**
   * A full collection in every worker thread the host has now (the sync worker, the peer worker, a backup's): each is
   * an isolate of its own, collected on its own schedule, which HeapProfiler.collectGarbage on the main thread leaves.
   */
  collectGarbageInWorkers(): Promise<void>;
  /** Each isolate's heap as it stands (no collection): the main thread's first, then each worker thread's. */
  isolates(): Promise<IsolateMemory[]>;
  close(): void;
}

function anonymousMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${String(pid)}/smaps_rollup`, 'utf8').split('\n').find((l) => l.startsWith('Anonymous:'));
    const kib = Number(line?.split(/\s+/)[1]);
    return Number.isFinite(kib) ? kib / 1024 : null;
  } catch {
    return null;
  }
}

/** Connects to the inspector whose URL the host printed (its output so far is read until the line shows, ≤ 15 s). */
export async function attachNodeInspector(output: () => string, pid: number): Promise<NodeInspector> {
  const deadline = Date.now() + 15_000;
  let url: string | undefined;
  while ((url = INSPECTOR_URL.exec(output())?.[1]) === undefined) {
    if (Date.now() > deadline) throw new Error('the host printed no inspector URL: was it started with --inspect=127.0.0.1:0?');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const socket = new WebSocket(url);
  let nextId = 1;
  const waiting = new Map<number, Settle>();
  let snapshotChunks: string[] | null = null;
  // Worker threads, by inspector session: NodeWorker.enable attaches to each (now and as they start), and a call is
  // sent into one as a message whose answer comes back as an event.
  const workers = new Map<string, string>();
  const workerWaiting = new Map<number, Settle>();
  // Once the socket failed or closed (the host died mid-soak), every call waiting is refused at once and every later
  // one at its start: the bench fails then, naming why, rather than through each call's own timeout.
  let gone: Error | null = null;
  const lost = (why: Error): void => {
    if (gone !== null) return;
    gone = why;
    for (const calls of [waiting, workerWaiting]) {
      for (const call of [...calls.values()]) call.reject(why);
      calls.clear();
    }
  };
  socket.on('error', (error) => lost(new Error(`the inspector connection failed: ${error.message}`)));
  socket.on('close', (code) => lost(new Error(`the inspector connection closed (${String(code)})`)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(gone ?? new Error('the inspector connection closed before it opened')));
  });
  socket.on('message', (data: Buffer) => {
    const message: unknown = JSON.parse(data.toString('utf8'));
    const attached = AttachedSchema.safeParse(message);
    if (attached.success) {
      const script = attached.data.params.workerInfo.url.split('/').at(-1) ?? attached.data.params.workerInfo.url;
      workers.set(attached.data.params.sessionId, `${script.replace(/\.[cm]?js$/, '')}#${attached.data.params.workerInfo.workerId}`);
      return;
    }
    const detached = DetachedSchema.safeParse(message);
    if (detached.success) {
      workers.delete(detached.data.params.sessionId);
      return;
    }
    const fromWorker = FromWorkerSchema.safeParse(message);
    if (fromWorker.success) {
      const reply = ReplySchema.safeParse(JSON.parse(fromWorker.data.params.message));
      if (!reply.success) return;
      const done = workerWaiting.get(reply.data.id);
      workerWaiting.delete(reply.data.id);
      done?.resolve(reply.data.error ? new Error(reply.data.error.message) : reply.data.result);
      return;
    }
    const chunk = ChunkEventSchema.safeParse(message);
    if (chunk.success) {
      snapshotChunks?.push(chunk.data.params.chunk);
      return;
    }
    const reply = ReplySchema.safeParse(message);
    if (!reply.success) return; // another event, not an answer
    const call = waiting.get(reply.data.id);
    waiting.delete(reply.data.id);
    if (reply.data.error) call?.reject(new Error(reply.data.error.message));
    else call?.resolve(reply.data.result);
  });
  const send = (method: string, params: Record<string, unknown> = {}): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (gone !== null) return reject(gone);
      const id = nextId++;
      const timer = setTimeout(() => reject(new Error(`the inspector did not answer ${method} in ${String(CALL_TIMEOUT_MS)} ms`)), CALL_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      socket.send(JSON.stringify({ id, method, params }));
    });
  /** A call inside one worker thread; a worker that ended meanwhile answers null (its answer never comes: ≤ 10 s). */
  const sendToWorker = async (sessionId: string, method: string, params: Record<string, unknown> = {}): Promise<unknown> => {
    if (gone !== null) throw gone;
    const id = nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        workerWaiting.delete(id);
        resolve(null);
      }, 10_000);
      workerWaiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value instanceof Error ? null : value);
        },
        // The connection itself was lost (not one worker): the answer is refused with it.
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    // A refused send is a worker gone (null, as before); a lost connection refuses `answer` too, at the same moment.
    await send('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => null);
    return answer;
  };
  const usageOf = async (name: string, evaluate: (expression: string) => Promise<unknown>): Promise<IsolateMemory | null> => {
    const evaluated = EvaluatedSchema.safeParse(await evaluate('JSON.stringify(process.memoryUsage())'));
    if (!evaluated.success) return null;
    const usage = MemoryUsageSchema.parse(JSON.parse(evaluated.data.result.value));
    return { name, heapTotalMb: usage.heapTotal / 1e6, heapUsedMb: usage.heapUsed / 1e6, externalMb: usage.external / 1e6, arrayBuffersMb: usage.arrayBuffers / 1e6 };
  };
  await send('NodeWorker.enable', { waitForDebuggerOnStart: false });
  return {
    async collectGarbageInWorkers() {
      for (const sessionId of [...workers.keys()]) {
        await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
        await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      }
    },
    async isolates() {
      const found: IsolateMemory[] = [];
      const main = await usageOf('main', (expression) => send('Runtime.evaluate', { expression }));
      if (main) found.push(main);
      for (const [sessionId, name] of [...workers]) {
        const worker = await usageOf(name, (expression) => sendToWorker(sessionId, 'Runtime.evaluate', { expression }));
        if (worker) found.push(worker);
      }
      return found;
    },
    async memoryAfterGc() {
      await send('HeapProfiler.collectGarbage');
      await send('HeapProfiler.collectGarbage');
      const evaluated = EvaluatedSchema.parse(await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' }));
      const usage = MemoryUsageSchema.parse(JSON.parse(evaluated.result.value));
      return { rssMb: usage.rss / 1e6, heapUsedMb: usage.heapUsed / 1e6, externalMb: usage.external / 1e6, anonymousMb: anonymousMb(pid) };
    },
    async heapSummary() {
      snapshotChunks = [];
      try {
        await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        return summarizeHeapSnapshot(snapshotChunks.join(''));
      } finally {
        snapshotChunks = null;
      }
    },
    close: () => socket.close(),
  };
}
