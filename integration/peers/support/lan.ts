// The LAN of the partitions proof (docs/peers.md §10 step 10): every link between two machines through cut-proxy.ts,
// one proxy for each direction a machine dials in (A dials B at the proxy before B's peer port), an admin's typed
// address on every machine for every other (peerAddressSet, the Computers page's request), and a seeded plan of
// cuts played over the links, each cut taking both directions of one pair down at once.
import { planCuts, startCutProxy, type CutMode, type CutProxy } from './cut-proxy.js';
import { signIn, valueOf, type Member, type Who } from './kindergarten.js';

export interface Lan {
  /** The proxy `from` dials `to` through. */
  proxy(from: Member, to: Member): CutProxy;
  /** The pairs, in a fixed order, as "a|b" by machine name. */
  readonly pairs: readonly string[];
  cut(pair: string, mode: CutMode): void;
  restore(pair: string): void;
  close(): Promise<void>;
}

const key = (from: Member, to: Member): string => `${from.machine.name}>${to.machine.name}`;

/** Proxies for every ordered pair of `members`; a proxy already made (a join dialled through it) is kept. */
export async function startLan(members: readonly Member[], made: ReadonlyMap<string, CutProxy> = new Map()): Promise<Lan> {
  const proxies = new Map<string, CutProxy>(made);
  for (const from of members) {
    for (const to of members) {
      if (from === to || proxies.has(key(from, to))) continue;
      proxies.set(key(from, to), await startCutProxy(to.peerPort));
    }
  }
  const pairs: string[] = [];
  const ofPair = new Map<string, CutProxy[]>();
  members.forEach((a, i) => {
    for (const b of members.slice(i + 1)) {
      const pair = `${a.machine.name}|${b.machine.name}`;
      pairs.push(pair);
      ofPair.set(pair, [proxies.get(key(a, b)), proxies.get(key(b, a))].filter((p): p is CutProxy => p !== undefined));
    }
  });
  const both = (pair: string): CutProxy[] => {
    const found = ofPair.get(pair);
    if (found === undefined) throw new Error(`no link ${pair}`);
    return found;
  };
  return {
    proxy(from, to) {
      const found = proxies.get(key(from, to));
      if (found === undefined) throw new Error(`no proxy ${key(from, to)}`);
      return found;
    },
    pairs,
    cut: (pair, mode) => both(pair).forEach((p) => p.cut(mode)),
    restore: (pair) => both(pair).forEach((p) => p.restore()),
    close: async () => {
      for (const p of proxies.values()) await p.close();
    },
  };
}

/** A proxy for a join: the joiner dials its sponsor through it from the first handshake on. */
export async function joinProxy(sponsor: Member): Promise<CutProxy> {
  return startCutProxy(sponsor.peerPort);
}

/** Every machine dials every other through its proxy: the address typed by the admin on each machine. */
export async function typeProxyAddresses(lan: Lan, members: readonly Member[], admin: Who): Promise<void> {
  for (const at of members) {
    const sessionId = await signIn(at.machine, admin);
    for (const to of members) {
      if (to === at) continue;
      const address = `127.0.0.1:${String(lan.proxy(at, to).port)}`;
      valueOf(at.machine, 'peerAddressSet', await at.machine.call('peerAddressSet', { sessionId, deviceId: to.deviceId, address }));
    }
    await at.machine.call('staffSignOut', { sessionId, why: 'button' });
  }
}

/**
 * Plays `count` cuts over `spanMs` (planCuts, seeded), each on a pair drawn from the same PRNG, and resolves once the
 * last is restored. Bounded: one timer per cut start and end, every link restored at the end whatever happened.
 */
export async function playCuts(lan: Lan, random: () => number, count: number, spanMs: number, log: (line: string) => void): Promise<void> {
  const plan = planCuts(random, count, spanMs).map((c) => ({ ...c, pair: lan.pairs[Math.floor(random() * lan.pairs.length)] ?? '' }));
  const timers: NodeJS.Timeout[] = [];
  const start = Date.now();
  await new Promise<void>((resolve) => {
    let ended = 0;
    for (const c of plan) {
      timers.push(
        setTimeout(() => {
          log(`cut ${c.pair} ${c.mode} at ${String(Date.now() - start)} ms for ${String(c.forMs)} ms`);
          lan.cut(c.pair, c.mode);
        }, c.atMs),
        setTimeout(() => {
          lan.restore(c.pair);
          ended += 1;
          if (ended === plan.length) resolve();
        }, c.atMs + c.forMs),
      );
    }
  });
  for (const t of timers) clearTimeout(t);
  for (const pair of lan.pairs) lan.restore(pair);
}
