// The first proof (docs/peers.md §10 step 10): two doors and an office of one kindergarten, each its own
// process on its own data folder and peer port, paired by code through the kiosk API; taps at both doors, an absence
// at the office, a PIN changed at door 1. Every machine ends with the same peer log, the same projections and the same
// табель, and the reference city holds each machine's records once with every chain head linked.
import { describe, it } from 'vitest';
import type { Machine } from './support/machine.js';
import { useMachineHost } from './support/machine-host.js';
import { foundDoor, joinMachine, startCity, type City } from './support/kindergarten.js';
import { departAtTheOtherDoor, expectOneState, expectTheCityHoldsAll, playTheDay, type Day } from './support/scenario.js';

/** Each wait's bound: generous for 2 shared cores, far under the test's own. */
const WAIT_MS = 20_000;

describe('two doors and an office', () => {
  const machineCli = useMachineHost();

  it('end with the same records, projections and табель, and the city holds each record once', async () => {
    const cli = machineCli();
    const machines: Machine[] = [];
    let city: City | null = null;
    try {
      city = await startCity();
      const { founder: door1, admin } = await foundDoor({ cli, name: 'door 1', city });
      machines.push(door1.machine);
      const address = `127.0.0.1:${String(door1.peerPort)}`;
      const office = await joinMachine({ cli, name: 'office', role: 'office', city, sponsor: door1.machine, sponsorAddress: address, admin, deadlineMs: WAIT_MS });
      machines.push(office.machine);
      const door2 = await joinMachine({ cli, name: 'door 2', role: 'door', city, sponsor: door1.machine, sponsorAddress: address, admin, deadlineMs: WAIT_MS });
      machines.push(door2.machine);
      const day: Day = { admin, door1, door2, office };

      await playTheDay(day);
      await departAtTheOtherDoor(day, WAIT_MS);
      // The city first: each push reply appends a city-acks record, which the state then includes.
      await expectTheCityHoldsAll(day, city, WAIT_MS);
      await expectOneState(day, WAIT_MS);
    } catch (error) {
      // What each machine said (its peer link's lines among them), for whoever reads the failure.
      for (const m of machines) console.log(`--- ${m.name}\n${m.output().slice(-4000)}`);
      throw error;
    } finally {
      for (const m of machines.reverse()) await m.stop();
      await city?.server.close();
    }
  }, 90_000);
});
