// Pairing as the peer worker runs it (peer-server.ts's PairingHooks): the sponsor's one code and the pair path of the
// listener, joining by code, removing a member. This machine's identity for its member record comes from the worker's
// start data (the device key, the static X25519 key, the QR key) and its own tables (its role, its name once listed);
// the group's pepper comes with the code from the host, and a joined group's pepper goes back to it to keep.
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { SettingsStore } from '../ledger/settings-store.js';
import { systemClock, zonedClock, type Clock } from '../time/clock.js';
import { localTimeOf } from '../time/clock.js';
import { defaultMachineName } from './machine-name.js';
import { revokeMember } from './member-admin.js';
import { joinGroup, SponsorPairing } from './pairing-run.js';
import type { OwnMachine } from './peer-group.js';
import type { PairingHooks, PeerServer } from './peer-server.js';
import type { PairingWorkerContext } from './peer-worker.js';


export function pairingHooks(server: PeerServer, ctx: PairingWorkerContext, clock: Clock = systemClock): PairingHooks {
  const { db, data } = ctx;
  const settings = SettingsStore.of(db, ctx.logLine);
  const zoned = zonedClock(clock, () => settings.get('timeZone') ?? 'Asia/Almaty');
  const identity = data.pairing;

  const own = (name?: string): OwnMachine | null => {
    if (identity === undefined) return null;
    const listed = db.prepare<[string], { name: string }>('SELECT name FROM peer_members WHERE device_id = ?').get(data.deviceId)?.name;
    return {
      deviceId: data.deviceId,
      signKey: data.signKey,
      dhPub: Buffer.from(identity.dhPub, 'base64url'),
      qrKeyId: identity.qrKeyId,
      qrPub: Buffer.from(identity.qrPub, 'base64url'),
      role: settings.get('machineRole'),
      name: name ?? listed ?? defaultMachineName(),
      addrs: server.ownAddrs(),
    };
  };
  const noIdentity = (op: string): Result<never> => fail('PEER_LINK_OFF', `${op}: the link was started without this computer's pairing keys`);

  const sponsor = new SponsorPairing({
    db,
    own: () => {
      const machine = own();
      if (machine === null) throw new Error('no pairing keys');
      return machine;
    },
    clock: zoned,
    log: ctx.logLine,
    // The new member record goes to every open session, and the listener and dialers follow the new member.
    onPaired: () => {
      server.newHead();
      void server.refresh();
    },
  });

  const attempt = <T>(op: string, run: () => Result<T> | Promise<Result<T>>): Promise<Result<T>> =>
    Promise.resolve()
      .then(run)
      .catch((error: unknown): Result<T> => {
        ctx.logLine(`[peers] ${op} failed: ${error instanceof Error ? error.message : String(error)}`);
        return fail('PEER_PAIR_FAILED', error instanceof Error ? error.message : String(error));
      });

  return {
    openUntilMs: () => sponsor.openUntilMs(),
    accept: (connection) => sponsor.accept(connection),
    open: (args) =>
      attempt('openPairing', async () => {
        if (own() === null) return noIdentity('openPairing');
        if (args.pepper === undefined) return fail('PEER_LINK_OFF', 'openPairing: no PIN pepper to give a new computer');
        const opened = sponsor.open(args.by, [], Buffer.from(args.pepper, 'base64url'));
        server.newHead();
        // The listener opens for the code; its addresses are the ones to show with it.
        await server.refresh();
        return ok({ ...opened, addresses: server.ownAddrs() });
      }),
    close: () => {
      sponsor.close();
      return Promise.resolve(ok(null));
    },
    join: (args) =>
      attempt('join', async () => {
        const machine = own(args.request.name.trim().slice(0, 60));
        if (machine === null) return noIdentity('join');
        const joined = await joinGroup({
          db,
          own: { ...machine, role: args.request.role },
          by: args.by,
          adoptPepper: ctx.adoptPepper,
          at: () => localTimeOf(zoned),
          address: args.request.address,
          code: args.request.code,
        });
        return joined;
      }),
    revoke: (args) =>
      attempt('revoke', () => {
        const revoked = revokeMember(db, args.deviceId, args.reason, args.by);
        if (!revoked.ok) return revoked;
        server.newHead();
        return ok(null);
      }),
  };
}
