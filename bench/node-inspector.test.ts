// The bench's inspector client when the host dies under it: a real WebSocket server on 127.0.0.1 plays the host's
// inspector, answers what the client asks on attaching, then closes or drops the connection while calls wait.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { attachNodeInspector } from './node-inspector.js';

const CallSchema = z.object({ id: z.number().int(), method: z.string() });

interface FakeInspector {
  output: () => string;
  /** Resolves with the connection and the method of the first call after NodeWorker.enable, left unanswered. */
  unanswered: Promise<{ socket: WebSocket; method: string }>;
  close: () => Promise<void>;
}

/** `worker`: the host has a worker thread, announced on attaching as Node announces one. */
async function fakeInspector(worker = false): Promise<FakeInspector> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const unanswered = new Promise<{ socket: WebSocket; method: string }>((resolve) => {
    server.on('connection', (socket) => {
      socket.on('message', (data: Buffer) => {
        const call = CallSchema.parse(JSON.parse(data.toString('utf8')));
        // Attaching asks for the worker threads' events: answered, as Node's inspector does.
        if (call.method !== 'NodeWorker.enable') return resolve({ socket, method: call.method });
        // The worker's attach event goes before the answer, so the client knows the worker once attaching is done.
        const workerInfo = { workerId: '1', url: 'file:///app/dist/peer-worker.mjs' };
        if (worker) socket.send(JSON.stringify({ method: 'NodeWorker.attachedToWorker', params: { sessionId: 'w1', workerInfo } }));
        socket.send(JSON.stringify({ id: call.id, result: {} }));
      });
    });
  });
  return {
    output: () => `Debugger listening on ws://127.0.0.1:${String(port)}/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n`,
    unanswered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let closeServer: (() => Promise<void>) | null = null;
afterEach(async () => {
  await closeServer?.();
  closeServer = null;
});

describe('the inspector client when the host goes away', () => {
  it('refuses a waiting call as soon as the host closes the connection, and every later call at once', async () => {
    const host = await fakeInspector();
    closeServer = host.close;
    const inspector = await attachNodeInspector(host.output, process.pid);
    const memory = inspector.memoryAfterGc();
    const { socket, method } = await host.unanswered;
    expect(method).toBe('HeapProfiler.collectGarbage');
    socket.close(1001, 'going away');
    // Its own timeout is 30 s, far past the test's: only the close can refuse it in time.
    await expect(memory).rejects.toThrow(/inspector connection closed \(1001\)/);
    await expect(inspector.heapSummary()).rejects.toThrow(/inspector connection closed/);
    await expect(inspector.isolates()).rejects.toThrow(/inspector connection closed/);
  });

  it('refuses a waiting call when the connection is cut without a close', async () => {
    const host = await fakeInspector();
    closeServer = host.close;
    const inspector = await attachNodeInspector(host.output, process.pid);
    const summary = inspector.heapSummary();
    const { socket, method } = await host.unanswered;
    expect(method).toBe('HeapProfiler.takeHeapSnapshot');
    socket.terminate();
    await expect(summary).rejects.toThrow(/inspector connection closed \(1006\)/);
  });

  it('refuses a call inside a worker thread when the connection is cut, rather than taking the worker for ended', async () => {
    const host = await fakeInspector(true);
    closeServer = host.close;
    const inspector = await attachNodeInspector(host.output, process.pid);
    const collected = inspector.collectGarbageInWorkers();
    const { socket, method } = await host.unanswered;
    expect(method).toBe('NodeWorker.sendMessageToWorker');
    socket.terminate();
    // Before, a worker's call lost with the connection waited its 10 s and passed as a worker that had ended.
    await expect(collected).rejects.toThrow(/inspector connection closed \(1006\)/);
  });
});
