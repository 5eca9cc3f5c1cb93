import { describe, expect, it } from 'vitest';
import { CameraWatchdog } from './camera-watchdog.js';

const options = { restartEveryMs: 60_000, stallMs: 10_000, busyMs: 5_000 };

function running(): CameraWatchdog {
  const watchdog = new CameraWatchdog(options);
  watchdog.started(0);
  return watchdog;
}

describe('CameraWatchdog', () => {
  it('leaves a scanner alone while frames arrive', () => {
    const watchdog = running();
    for (let t = 0; t < 59_000; t += 100) watchdog.frame(t);
    expect(watchdog.check(59_000)).toBeNull();
  });

  it('restarts a scanner whose frames stopped', () => {
    const watchdog = running();
    watchdog.frame(1000);
    expect(watchdog.check(10_999)).toBeNull();
    expect(watchdog.check(11_000)).toBe('stalled');
  });

  it('gives a fresh camera its time to deliver the first frame', () => {
    const watchdog = running();
    expect(watchdog.check(9_000)).toBeNull();
    watchdog.started(100_000);
    expect(watchdog.check(105_000)).toBeNull();
  });

  it('restarts periodically, but not while someone is showing a code', () => {
    const watchdog = running();
    watchdog.code(58_000);
    for (let t = 0; t <= 70_000; t += 100) watchdog.frame(t);
    expect(watchdog.check(60_000)).toBeNull();
    expect(watchdog.check(63_000)).toBe('periodic');
    watchdog.started(63_000);
    expect(watchdog.check(70_000)).toBeNull();
  });
});
