// The Computers page's and the first-run join's requests over the real peer link: two kiosk cores, each with its own
// data folder and peer worker on 127.0.0.1; the head opens a code on A with her PIN again, fresh B joins with A's
// address and the code before any admin exists, and each then lists the other.
import { describe, expect, it, onTestFinished } from 'vitest';
import { KioskCore } from '../kiosk-core.js';
import { freePort } from '../peers/testing/peer-group-kit.js';
import { tempDataDir } from '../testing/fixtures.js';
import { value } from '../setup/testing/setup-kit.js';

async function core(demo: boolean): Promise<{ core: KioskCore; port: number; lines: string[] }> {
  const port = await freePort();
  const lines: string[] = [];
  const kiosk = new KioskCore({ dataDir: tempDataDir(), demo, log: (line) => lines.push(line), peers: { host: '127.0.0.1', port, beacon: null, tuning: { membersEveryMs: 100, statusEveryMs: 200 } } });
  onTestFinished(async () => {
    kiosk.close();
    await kiosk.closed();
  });
  return { core: kiosk, port, lines };
}

describe('pairing from the Computers page and the first-run join', () => {
  it('lets a fresh computer join with the code and address A shows, and both list each other', async () => {
    const a = await core(true);
    const b = await core(false);
    const signedIn = value(await a.core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' }));
    if (signedIn.outcome !== 'signed-in') throw new Error('the admin could not sign in');
    const sessionId = signedIn.session.sessionId;
    const opened = value(await a.core.handlers.peerPairingOpen({ sessionId, pin: '2468' }));
    if (opened.outcome !== 'opened') throw new Error(`no code: ${JSON.stringify(opened)}\n${a.lines.join('\n')}`);
    value(b.core.handlers.setupSetRole({ machineRole: 'office' }));
    // A wrong code is refused in words and burns one of the code's three tries; nothing is kept at B.
    const wrong = await b.core.handlers.setupPeerJoin({ address: `127.0.0.1:${a.port}`, code: '0000-0000-0000', name: 'Office' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PAIR_CODE_WRONG' } });
    expect(value(b.core.handlers.setupStatus({})).name).toBeNull();
    const joined = await b.core.handlers.setupPeerJoin({ address: `127.0.0.1:${a.port}`, code: opened.opened.code.toLowerCase(), name: 'Office' });
    if (!joined.ok) throw new Error(`${JSON.stringify(joined)}\n${b.lines.join('\n')}\n${a.lines.join('\n')}`);
    expect(joined.value.kindergarten.name).toBe('Балабақша № 1 «Ақбота» (демо)');
    expect(value(b.core.handlers.setupStatus({}))).toMatchObject({ needed: true, name: 'Балабақша № 1 «Ақбота» (демо)' });
    const bStatus = value(b.core.handlers.getStatus({}));
    if (bStatus.state !== 'ready') throw new Error(`B is not ready: ${bStatus.state}`);
    const bId = bStatus.deviceId;
    // A hears of B as its worker looks at peer_members again (every 100 ms here); bounded to 10 s.
    let listed = false;
    for (let tries = 0; tries < 100 && !listed; tries++) {
      listed = value(await a.core.handlers.peersStatus({ sessionId })).members.some((m) => m.deviceId === bId && m.name === 'Office' && !m.self);
      if (!listed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listed).toBe(true);
    const bLists = await b.core.peerControl.status();
    expect(bLists.ok && bLists.value.members.filter((m) => !m.self).map((m) => m.address)).toEqual([`127.0.0.1:${a.port}`]);
  }, 60_000);
});
