// CPU time and memory of this process's descendants (the web host, Chromium and its helpers), read from /proc: what the whole
// kiosk costs the machine, whichever of its processes spends it. Linux only, like the kiosk's benchmarks.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface Stat {
  pid: number;
  ppid: number;
  command: string;
  /** utime + stime, ms. */
  cpuMs: number;
}

/** The process's name, with Chromium's --type (renderer, gpu-process, utility…) where it has one. */
function commandOf(pid: number, name: string): string {
  try {
    // Chromium's helpers rewrite their title: their arguments come separated by spaces, not NULs.
    const args = readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
    const subType = args.find((arg) => arg.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length).split('.').at(-1);
    return type ? `${name} ${type}${subType ? ` ${subType}` : ''}` : name;
  } catch {
    return name;
  }
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command sits in parentheses and may hold spaces: fields are counted from its closing one.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      command: commandOf(pid, text.slice(text.indexOf('(') + 1, close)),
      cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND,
    };
  } catch {
    return null; // gone meanwhile
  }
}

/** Every live descendant of root, with its CPU time so far. */
export function descendantCpu(root = process.pid): Map<number, Stat> {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const children = new Map<number, Stat[]>();
  for (const stat of all) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  const found = new Map<number, Stat>();
  const walk = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      found.set(child.pid, child);
      walk(child.pid);
    }
  };
  walk(root);
  return found;
}

export interface CpuWindow {
  /** CPU ms spent in the window by each command name (processes that ended inside it are not counted). */
  byCommand: Map<string, number>;
  totalMs: number;
  wallMs: number;
}

/** CPU spent by this process's descendants while `during` runs. */
export async function measureDescendantCpu(during: () => Promise<void>): Promise<CpuWindow> {
  const before = descendantCpu();
  const started = performance.now();
  await during();
  const wallMs = performance.now() - started;
  const after = descendantCpu();
  const byCommand = new Map<string, number>();
  let totalMs = 0;
  for (const [pid, stat] of after) {
    const spent = stat.cpuMs - (before.get(pid)?.cpuMs ?? 0);
    byCommand.set(stat.command, (byCommand.get(stat.command) ?? 0) + spent);
    totalMs += spent;
  }
  return { byCommand, totalMs, wallMs };
}

/** Resident memory of a process, bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmRSS for ${String(pid)}`);
  return Number(match[1]) * 1024;
}

/** The process's threads now: a worker thread started (a backup, an audit) shows here beside its step in memory. */
export function threadCount(pid: number): number {
  const match = /^Threads:\s+(\d+)$/m.exec(readFileSync(`/proc/${String(pid)}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no Threads for ${String(pid)}`);
  return Number(match[1]);
}

/** One variable of the environment a process started with (null when it has none): the figure says what it ran under. */
export function environValue(pid: number, name: string): string | null {
  const entry = readFileSync(`/proc/${String(pid)}/environ`, 'utf8')
    .split('\0')
    .find((line) => line.startsWith(`${name}=`));
  return entry === undefined ? null : entry.slice(name.length + 1);
}
