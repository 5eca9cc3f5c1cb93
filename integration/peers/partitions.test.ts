// The second proof (docs/peers.md §10 step 10): the same kindergarten as three-machines.test.ts, every link
// through a proxy that cuts it (a pulled cable or a Wi-Fi dropping packets) at moments drawn from a seeded PRNG (the
// seed printed; PEERS_SEED replays one), twenty cuts over thirty seconds while the day is written, and door 2 killed
// (SIGKILL) and started again in the middle of it. Once the links are back: the same end state as without the cuts.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../city-server/src/faults.js';
import type { Machine } from './support/machine.js';
import { useMachineHost } from './support/machine-host.js';
import { foundDoor, joinMachine, startCity, type City } from './support/kindergarten.js';
import { joinProxy, playCuts, startLan, typeProxyAddresses, type Lan } from './support/lan.js';
import { departAtTheOtherDoor, expectOneState, expectTheCityHoldsAll, playTheDay, type Day } from './support/scenario.js';

const WAIT_MS = 30_000;
const CUTS = 20;
const CUT_SPAN_MS = 30_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('two doors and an office on a LAN that keeps failing', () => {
  const machineCli = useMachineHost();

  it('end with the same records, projections and табель after twenty cuts and a killed door', async () => {
    const cli = machineCli();
    const seed = Number(process.env.PEERS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`partitions: seed ${String(seed)} (PEERS_SEED=${String(seed)} replays it)`);
    const random = mulberry32(seed);
    const machines: Machine[] = [];
    const lines: string[] = [];
    let city: City | null = null;
    let lan: Lan | null = null;
    try {
      city = await startCity();
      const { founder: door1, admin } = await foundDoor({ cli, name: 'door 1', city });
      machines.push(door1.machine);
      // Each joiner reaches door 1 through its own proxy from its first handshake.
      const toDoor1 = [await joinProxy(door1), await joinProxy(door1)] as const;
      const office = await joinMachine({ cli, name: 'office', role: 'office', city, sponsor: door1.machine, sponsorAddress: `127.0.0.1:${String(toDoor1[0].port)}`, admin, deadlineMs: WAIT_MS });
      machines.push(office.machine);
      const door2 = await joinMachine({ cli, name: 'door 2', role: 'door', city, sponsor: door1.machine, sponsorAddress: `127.0.0.1:${String(toDoor1[1].port)}`, admin, deadlineMs: WAIT_MS });
      machines.push(door2.machine);
      lan = await startLan([door1, office, door2], new Map([['office>door 1', toDoor1[0]], ['door 2>door 1', toDoor1[1]]]));
      await typeProxyAddresses(lan, [door1, office, door2], admin);
      const day: Day = { admin, door1, door2, office };

      const cuts = playCuts(lan, random, CUTS, CUT_SPAN_MS, (line) => lines.push(line));
      await playTheDay(day, {
        between: async () => {
          await pause(2_000);
          // Door 2 pulled from the wall once, after its own taps: what it wrote must still reach everyone.
          if (door2.machine.read('SELECT 1 FROM attendance_events WHERE device_id = ?', door2.deviceId).length > 0 && lines.every((l) => !l.startsWith('killed'))) {
            lines.push('killed door 2');
            await door2.machine.kill();
            await pause(3_000);
            await door2.machine.start();
            lines.push('door 2 started again');
          }
        },
      });
      await cuts;
      // Every link crossed the proxies (none went around them), and the plan was played whole.
      for (const from of [door1, office, door2]) for (const to of [door1, office, door2]) if (from !== to) expect(lan.proxy(from, to).connections, `${from.machine.name} dialled ${to.machine.name}`).toBeGreaterThan(0);
      expect(lines.filter((l) => l.startsWith('cut '))).toHaveLength(CUTS);
      expect(lines).toContain('door 2 started again');

      await departAtTheOtherDoor(day, WAIT_MS);
      // The city first: each push reply appends a city-acks record, which the state then includes.
      await expectTheCityHoldsAll(day, city, WAIT_MS);
      await expectOneState(day, WAIT_MS);
    } catch (error) {
      console.log(`partitions: seed ${String(seed)}\n${lines.join('\n')}`);
      for (const m of machines) console.log(`--- ${m.name}\n${m.output().slice(-4000)}`);
      throw error;
    } finally {
      for (const m of machines.reverse()) await m.stop();
      await lan?.close();
      await city?.server.close();
    }
  }, 150_000);
});
