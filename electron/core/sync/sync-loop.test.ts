import { describe, expect, it, onTestFinished } from 'vitest';
import { Backoff } from './backoff.js';
import type { DrainResult } from './push-engine.js';
import { SyncError } from './sync-error.js';
import { SyncLoop, type LoopState } from './sync-loop.js';

const NOTHING: DrainResult = { batches: 0, sent: 0, rejected: 0 };
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in for the push engine that fails as scripted and notes when it was called; only the timing is under test. */
function scriptedEngine(failures: SyncError[]) {
  const calls: { what: 'drain' | 'reconcile' | 'probe' | 'recover'; at: number }[] = [];
  let requeueOnce = 0;
  return {
    calls,
    exchanges: 0,
    probe(): Promise<void> {
      calls.push({ what: 'probe', at: Date.now() });
      this.exchanges += 1;
      return Promise.resolve();
    },
    requeueNextReconcile(n: number) {
      requeueOnce = n;
    },
    drain: (): Promise<DrainResult> => {
      calls.push({ what: 'drain', at: Date.now() });
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve(NOTHING);
    },
    reconcile(): Promise<number> {
      calls.push({ what: 'reconcile', at: Date.now() });
      this.exchanges += 1; // it asked the city
      const n = requeueOnce;
      requeueOnce = 0;
      return Promise.resolve(n);
    },
  };
}

function loop(engine: ReturnType<typeof scriptedEngine>, baseMs: number, states: LoopState[] = []): SyncLoop {
  const l = new SyncLoop({ engine, backoff: new Backoff({ baseMs, capMs: baseMs * 8 }, () => 0.999), idlePollMs: 60_000, onState: (s) => states.push(s) });
  onTestFinished(() => l.stop());
  return l;
}

describe('sync loop', () => {
  it('backs off after failures, goes online on success, and reconciles after the outage', async () => {
    const engine = scriptedEngine([new SyncError('SYNC_NETWORK', 'refused'), new SyncError('SYNC_TIMEOUT', 'slow')]);
    const states: LoopState[] = [];
    loop(engine, 40, states).start();
    await wait(400);
    const drains = engine.calls.filter((c) => c.what === 'drain');
    expect(drains.length).toBe(3);
    // Full jitter with the random source at its top: ~40 ms, then ~80 ms.
    expect((drains[1]?.at ?? 0) - (drains[0]?.at ?? 0)).toBeGreaterThanOrEqual(30);
    expect((drains[2]?.at ?? 0) - (drains[1]?.at ?? 0)).toBeGreaterThanOrEqual(70);
    expect(engine.calls.at(-1)?.what).toBe('reconcile');
    expect(states).toEqual([
      { connection: 'offline', lastErrorCode: 'SYNC_NETWORK', halted: null },
      { connection: 'offline', lastErrorCode: 'SYNC_TIMEOUT', halted: null },
      { connection: 'online', lastErrorCode: null, halted: null },
    ]);
  });

  it('does not hammer the city for new records while backing off, but goes at once when the network returns', async () => {
    const engine = scriptedEngine([new SyncError('SYNC_NETWORK', 'refused')]);
    const l = loop(engine, 5_000);
    l.start();
    await wait(50);
    expect(engine.calls.length).toBe(1);
    l.nudge('queued');
    await wait(50);
    expect(engine.calls.length).toBe(1);
    l.nudge('network');
    await wait(50);
    expect(engine.calls.map((c) => c.what)).toEqual(['drain', 'drain', 'reconcile']);
  });

  it('pushes new records at once when online, pushes again what reconciliation queued, and probes an idle round', async () => {
    const engine = scriptedEngine([]);
    engine.requeueNextReconcile(3);
    const l = loop(engine, 1_000);
    l.start();
    await wait(50);
    // The second round had nothing to push: it asks whether the city is there rather than guessing "online".
    expect(engine.calls.map((c) => c.what)).toEqual(['drain', 'reconcile', 'drain', 'probe']);
    l.nudge('queued');
    await wait(50);
    expect(engine.calls.map((c) => c.what)).toEqual(['drain', 'reconcile', 'drain', 'probe', 'drain', 'probe']);
  });

  it('counts an unexpected local failure as a failure, never as success', async () => {
    const engine = scriptedEngine([]);
    engine.drain = () => Promise.reject(new Error('SQLITE_BUSY: database is locked'));
    const states: LoopState[] = [];
    const lines: string[] = [];
    const l = new SyncLoop({ engine, backoff: new Backoff({ baseMs: 10_000, capMs: 10_000 }), onState: (s) => states.push(s), log: (line) => lines.push(line) });
    onTestFinished(() => l.stop());
    l.start();
    await wait(50);
    expect(states).toEqual([{ connection: 'offline', lastErrorCode: 'SYNC_LOCAL', halted: null }]);
    expect(lines.join('\n')).toMatch(/SQLITE_BUSY/);
  });

  for (const [failure, halted, says] of [
    [new SyncError('SYNC_UNAUTHORIZED', 'the device token was refused', 401), 'enroll-again', /until the kiosk is enrolled again/],
    [new SyncError('SYNC_PROTOCOL_UNSUPPORTED', 'another protocol version', 426), 'update-kiosk', /until the kiosk is updated/],
  ] as const) {
    it(`stops trying after a ${failure.status ?? ''}, whatever nudges it, and says why`, async () => {
      const engine = scriptedEngine([failure, failure, failure]);
      const states: LoopState[] = [];
      const lines: string[] = [];
      const l = new SyncLoop({ engine, backoff: new Backoff({ baseMs: 10, capMs: 20 }), onState: (s) => states.push(s), log: (line) => lines.push(line) });
      onTestFinished(() => l.stop());
      l.start();
      await wait(100);
      l.nudge('network');
      l.nudge('queued');
      l.nudge('manual');
      await wait(100);
      // A 10 ms back-off would have tried three times by now.
      expect(engine.calls.map((c) => c.what)).toEqual(['drain']);
      expect(states).toEqual([{ connection: 'offline', lastErrorCode: failure.code, halted }]);
      expect(l.current().halted).toBe(halted);
      expect(lines.join('\n')).toMatch(says);
      await l.stop();
    });
  }

  describe('with recovery from the city', () => {
    /** Recovery that answers as scripted, noting its runs in the engine's calls, and says when a push showed the city ahead. */
    function scriptedRecovery(engine: ReturnType<typeof scriptedEngine>, answers: (SyncError | 'done' | 'again')[]) {
      const recovery = {
        cityAhead: false,
        run: (): Promise<'done' | 'again'> => {
          engine.calls.push({ what: 'recover', at: Date.now() });
          const answer = answers.shift() ?? 'done';
          return answer instanceof SyncError ? Promise.reject(answer) : Promise.resolve(answer);
        },
        wanted: () => recovery.cityAhead,
      };
      return recovery;
    }

    function recoveringLoop(engine: ReturnType<typeof scriptedEngine>, recovery: ReturnType<typeof scriptedRecovery>): SyncLoop {
      const l = new SyncLoop({ engine, recovery, backoff: new Backoff({ baseMs: 20, capMs: 40 }, () => 0.999), idlePollMs: 60_000 });
      onTestFinished(() => l.stop());
      return l;
    }

    it('puts back before the first push, and after a failed try, again before the next push', async () => {
      const engine = scriptedEngine([]);
      const recovery = scriptedRecovery(engine, [new SyncError('SYNC_MALFORMED', 'garbage'), 'done']);
      recoveringLoop(engine, recovery).start();
      await wait(150);
      expect(engine.calls.map((c) => c.what).slice(0, 4)).toEqual(['recover', 'recover', 'drain', 'reconcile']);
      // Done: later rounds push without asking again.
      expect(engine.calls.filter((c) => c.what === 'recover')).toHaveLength(2);
    });

    it('asks again next round while it says so, without hurrying', async () => {
      const engine = scriptedEngine([]);
      const recovery = scriptedRecovery(engine, ['again', 'done']);
      const l = recoveringLoop(engine, recovery);
      l.start();
      await wait(50);
      expect(engine.calls.map((c) => c.what)).toEqual(['recover', 'drain', 'reconcile']);
      l.nudge('queued');
      await wait(50);
      expect(engine.calls.map((c) => c.what).slice(3)).toEqual(['recover', 'drain', 'probe']);
    });

    it('puts back at once when a push showed the city ahead of this kiosk', async () => {
      const engine = scriptedEngine([]);
      const recovery = scriptedRecovery(engine, ['done', 'done']);
      const drain = engine.drain;
      let drains = 0;
      engine.drain = () => {
        drains += 1;
        recovery.cityAhead = drains === 1;
        return drain();
      };
      recoveringLoop(engine, recovery).start();
      await wait(80);
      expect(engine.calls.map((c) => c.what).slice(0, 5)).toEqual(['recover', 'drain', 'reconcile', 'recover', 'drain']);
    });
  });
});
