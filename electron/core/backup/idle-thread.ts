// Puts the calling thread in Linux's idle scheduling class (SCHED_IDLE), for work that must never keep the door waiting.
// (A backup's verification: it reads only the copy. The copy itself reads the door's own file through SQLite's
// in-process locks on it, so that part stays at nice 19.)
// At nice 19 a thread keeps the CPU for the rest of its time slice when the door's thread wakes (a tap's answer waited
// behind a backup's verification for milliseconds on a two-core kiosk); an idle-class thread gives the CPU up at once,
// and still gets every cycle nobody else wants. Node has no call for a thread's scheduling policy, so util-linux's
// `chrt` (always there on Debian) sets it on this thread's id; where that fails the thread stays at nice 19.
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** What the thread got: the idle class, nice 19 only, or nothing (not Linux, or not allowed). */
export type ThreadPriority = 'idle' | 'nice' | 'normal';

/** SCHED_IDLE's number in Linux's sched.h, as /proc shows a thread's policy. */
const SCHED_IDLE = 5;

/** This thread's kernel id (not the process's: a worker thread has its own), from /proc/thread-self. */
export function thisThreadId(): number | null {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** A thread's scheduling policy and nice value as the kernel reports them (fields 41 and 19 of its stat line). */
export function threadScheduling(threadId: number): { policy: number; nice: number } | null {
  try {
    const stat = readFileSync(`/proc/self/task/${threadId}/stat`, 'utf8');
    // The name in parentheses may hold spaces; the fields are counted after it, the first of them being field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const policy = Number(fields[41 - 3]);
    const nice = Number(fields[19 - 3]);
    return Number.isInteger(policy) && Number.isInteger(nice) ? { policy, nice } : null;
  } catch {
    return null;
  }
}

/** Lowers the calling thread to nice 19 (on Linux this names the calling thread only: the door's keeps its priority). */
export function niceThisThread(): ThreadPriority {
  if (process.platform !== 'linux') return 'normal';
  try {
    setPriority(19);
    return 'nice';
  } catch {
    // Not allowed here: the thread runs at the door's priority.
    return 'normal';
  }
}

/**
 * Puts the calling thread in the idle class (nice 19 first, the fallback); answers what holds afterwards. Only for
 * work that shares no lock with the door: an idle-class thread preempted while holding one waits for a free core, and
 * the door with it.
 */
export function idleThisThread(chrt = 'chrt'): ThreadPriority {
  const niced = niceThisThread();
  const threadId = niced === 'normal' ? null : thisThreadId();
  if (threadId === null) return niced;
  try {
    spawnSync(chrt, ['--idle', '--pid', '0', String(threadId)], { stdio: 'ignore', timeout: 5000 });
  } catch {
    // No chrt, or it could not run: nice 19 is what this thread has.
  }
  const now = threadScheduling(threadId);
  if (now?.policy === SCHED_IDLE) return 'idle';
  return now?.nice === 19 ? 'nice' : 'normal';
}
