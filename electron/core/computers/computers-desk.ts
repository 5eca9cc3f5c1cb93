// The kindergarten's computers as peers, as the console's *Computers* page and the first run's join ask for them
// (docs/peers.md §3, §4). The desk checks what is the console's to check (the admin's PIN again, the first run still
// open, an address that is one) and hands the act to the peer link, which runs in its own thread (PeerControl); with no
// link running every request answers PEER_LINK_OFF.
import type { Database } from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { peerAddressOf } from '../../../shared/peers/peer-address-input.js';
import type { PeerJoined, PeerJoinRequest } from '../../../shared/peers/peer-status.js';
import type { JoinAccounts } from '../../../shared/peers/join-accounts.js';
import type { PairingOpenOutcome, PeerJoinOutcome, PeerRevokeOutcome, PeersStatus } from '../../../shared/peers/peers-contract.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';
import { AdminAudit } from '../ledger/admin-audit.js';
import type { SettingsStore } from '../ledger/settings-store.js';
import type { PeerControl } from '../peers/peer-control.js';
import type { StaffDesk } from '../staff/staff-desk.js';
import type { StickRead, StickWritten } from '../../../shared/peers/stick-contract.js';
import { deactivationRefusal, joinAccounts } from './join-accounts.js';
import { recentRefusals } from './recent-refusals.js';
import { StickDesk, type RelayEnrollRequest, type StickDeskOptions } from './stick-desk.js';

export interface ComputersDeskOptions {
  db: Database;
  settings: SettingsStore;
  staff: StaffDesk;
  /** The peer link's control (the peer worker's host); null while none runs. Asked at each request: it may start later. */
  control: () => PeerControl | null;
  /** The first-run setup is still open (SetupDesk.needed): a join then needs no session before the first admin exists. */
  firstRunOpen: () => boolean;
  /** The kiosk's own demo (roster/demo-kindergarten.ts holdsLocalDemo): its fiction joins no kindergarten. */
  localDemo: () => boolean;
  /** This computer joined a kindergarten: the setup and the door's status follow (the kindergarten's name). */
  joined: () => void;
  log: (line: string) => void;
  /** The USB stick's folders and the relay enrollment (stick-desk.ts). */
  stick: Pick<StickDeskOptions, 'exportsDir' | 'uploadsDir' | 'enrollRelay' | 'nowMs'>;
}

type Done<T> = Promise<Result<T>>;

export class ComputersDesk {
  private readonly audit: AdminAudit;
  /** *Write a stick*, *Read a stick*, and a door enrolled for the city from here. */
  private readonly stick: StickDesk;

  constructor(private readonly o: ComputersDeskOptions) {
    this.audit = new AdminAudit(o.db);
    this.stick = new StickDesk({ ...o.stick, control: o.control, log: o.log });
  }

  /**
   * The link's status, with the refusals it wrote into this computer's file (read here: the worker only writes them),
   * and whether this computer may join another's kindergarten (join's own rule: in no group, not the kiosk's demo).
   */
  async status(): Done<PeersStatus> {
    const control = this.o.control();
    if (!control) return linkOff();
    const status = await control.status();
    if (!status.ok) return status;
    return ok({ ...status.value, refusals: recentRefusals(this.o.db), joinable: status.value.groupId === null && !this.o.localDemo() });
  }

  /** *Add a computer*: the admin's PIN again (checked as a sign-in, its lock included) before any code exists. */
  async openPairing(member: StaffMember, at: LocalTime, channel: SignInChannel, pin: string): Done<PairingOpenOutcome> {
    const control = this.o.control();
    if (!control) return linkOff();
    const confirmed = await this.o.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const opened = await control.openPairing({ staffId: member.id });
    if (!opened.ok) return { ok: false, error: opened.error };
    this.o.log(`[peers] ${member.id} opened a pairing code until ${new Date(opened.value.expiresMs).toISOString()}`);
    return ok({ outcome: 'opened', opened: opened.value });
  }

  async closePairing(): Done<Record<string, never>> {
    const control = this.o.control();
    if (!control) return linkOff();
    const closed = await control.closePairing();
    return closed.ok ? ok({}) : { ok: false, error: closed.error };
  }

  /**
   * *Remove*: the admin's PIN again and a reason; on record as peer-revoked here (the link appends `member-revoked`,
   * which every computer takes in). A removed computer held the PIN hashes: the page says so before.
   */
  async revoke(member: StaffMember, at: LocalTime, channel: SignInChannel, pin: string, deviceId: string, reason: string): Done<PeerRevokeOutcome> {
    const control = this.o.control();
    if (!control) return linkOff();
    const confirmed = await this.o.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const revoked = await control.revoke(deviceId, reason, { staffId: member.id });
    if (!revoked.ok) return { ok: false, error: revoked.error };
    this.audit.record('peer-revoked', member.id, at, { deviceId, reason });
    this.o.log(`[peers] ${member.id} removed the computer ${deviceId}: ${reason}`);
    return ok({ outcome: 'revoked' });
  }

  async setAddress(member: StaffMember, deviceId: string, typed: string): Done<Record<string, never>> {
    const address = peerAddressOf(typed);
    if (address === null) return fail('INVALID_REQUEST', `no address: ${JSON.stringify(typed.slice(0, 80))}`);
    const control = this.o.control();
    if (!control) return linkOff();
    const set = await control.setAddress(deviceId, address, { staffId: member.id });
    return set.ok ? ok({}) : { ok: false, error: set.error };
  }

  /**
   * The first run's *Join a kindergarten that already has Esik*: before the first admin exists it needs no session, as
   * the setup's early steps; after, an admin's. Once the first run is finished it is refused STAFF_FORBIDDEN, as
   * setupSetRole is: a computer in service joins from its Computers page (peerJoin), with the admin's PIN again.
   */
  async join(sessionId: string | undefined, request: PeerJoinRequest): Done<PeerJoined> {
    if (!this.o.firstRunOpen()) return fail('STAFF_FORBIDDEN', "the first run is finished: a computer in service joins from its Computers page, with the admin's PIN");
    let by: StaffMember | null = null;
    if (!this.o.staff.signInOptions().needsFirstAdmin) {
      if (sessionId === undefined) return fail('STAFF_SESSION_ENDED', 'the first admin exists: setup steps are theirs');
      const session = this.o.staff.session(sessionId);
      if (!session.ok) return session.result;
      if (session.member.role !== 'admin') return fail('STAFF_FORBIDDEN', 'setup is for admins');
      by = session.member;
    }
    return this.dial(request, by);
  }

  /**
   * A computer in service that belongs to no group joins the kindergarten's others (§9 "Joining with history": its
   * records come along, its PINs give way to the group's), an admin's act with her PIN again, checked as a sign-in
   * (its lock included) before anything is dialled or voided; the link audits the pairing (peer-paired) in her name.
   * One already in a group is refused by the link (PEER_ALREADY_IN_GROUP); the kiosk's own demo STAFF_FORBIDDEN.
   */
  async joinInService(member: StaffMember, at: LocalTime, channel: SignInChannel, pin: string, request: PeerJoinRequest): Done<PeerJoinOutcome> {
    if (this.o.firstRunOpen()) return fail('STAFF_FORBIDDEN', "the first run is open: its join step is the setup's");
    if (this.o.localDemo()) return fail('STAFF_FORBIDDEN', "the kiosk's own demo joins no kindergarten: start afresh first");
    if (peerAddressOf(request.address) === null) return fail('INVALID_REQUEST', `no address: ${JSON.stringify(request.address.slice(0, 80))}`);
    if (!this.o.control()) return linkOff();
    const confirmed = await this.o.staff.confirmOwnPin(member, pin, at, channel);
    if (confirmed.outcome !== 'confirmed') return ok(confirmed);
    const joined = await this.dial(request, member);
    return joined.ok ? ok({ outcome: 'joined', joined: joined.value }) : joined;
  }

  /** The accounts this computer brought when it joined, still active, each ticked when the group has its name. */
  joinAccounts(): Result<JoinAccounts> {
    const { accounts, groupAccounts } = joinAccounts(this.o.db);
    return ok({ accounts, groupAccounts });
  }

  /**
   * The admin deactivates some of the accounts this computer brought (staff-account records that travel, each on
   * record as account-deactivated), her own among them if she chooses: her session then ends, and she signs in with
   * the PIN she uses at the other computers. Refused, nothing done, for an id that is not one of them, and while no
   * admin of the group is held here yet (nobody could sign in as an admin here until the group's records came).
   */
  deactivateJoinAccounts(member: StaffMember, at: LocalTime, staffIds: readonly string[]): Result<{ deactivated: number }> {
    const refusal = deactivationRefusal(joinAccounts(this.o.db), staffIds);
    if (refusal !== null) return fail('INVALID_REQUEST', refusal);
    const done = this.o.staff.deactivateAccounts(member, staffIds, at, { why: 'joined-group' });
    if (!done.ok) return done;
    this.o.log(`[peers] ${member.id} deactivated ${done.value.deactivated.length} account(s) made here before joining`);
    return ok({ deactivated: done.value.deactivated.length });
  }

  /** The join handed to the link, and the kindergarten joined taken in (both requests' common end). */
  private async dial(request: PeerJoinRequest, by: StaffMember | null): Done<PeerJoined> {
    const address = peerAddressOf(request.address);
    if (address === null) return fail('INVALID_REQUEST', `no address: ${JSON.stringify(request.address.slice(0, 80))}`);
    const control = this.o.control();
    if (!control) return linkOff();
    const role = this.o.settings.get('machineRole');
    const joined = await control.join({ address, code: request.code.trim(), name: request.name.trim(), role }, by ? { staffId: by.id } : null);
    if (!joined.ok) {
      this.o.log(`[peers] joining at ${address} refused: ${joined.error.code}${joined.error.detail ? ` (${joined.error.detail})` : ''}`);
      return joined;
    }
    this.adoptKindergarten(joined.value.kindergarten);
    this.o.log(`[peers] joined ${joined.value.kindergarten.name} (group ${joined.value.groupId}) through ${joined.value.sponsor.name}`);
    this.o.joined();
    return joined;
  }

  /** *Write a stick* for one computer, or every other current member (stick-desk.ts). */
  writeStick(member: StaffMember, at: LocalTime, deviceId: string | undefined): Done<StickWritten> {
    return this.stick.write(member, at, deviceId);
  }

  beginStickRead(member: StaffMember, fileName: string, bytes: number): Result<{ uploadId: string; chunkBytes: number }> {
    return this.stick.beginRead(member, fileName, bytes);
  }

  stickChunk(member: StaffMember, uploadId: string, offset: number, data: string): Result<{ received: number }> {
    return this.stick.chunk(member, uploadId, offset, data);
  }

  /** *Read a stick* sent whole: checked, then taken in or refused by the peer worker. */
  readStick(member: StaffMember, at: LocalTime, uploadId: string): Done<StickRead> {
    return this.stick.read(member, at, uploadId);
  }

  /**
   * The office enrolls a door it carries for, for the city: on record as relay-enrolled with the door, the server and
   * what was queued (the console's act, as a removal is; the city's refusals are the answer and the log's).
   */
  async enrollRelay(member: StaffMember, at: LocalTime, request: RelayEnrollRequest): Done<{ doorId: string; queued: number }> {
    const enrolled = await this.stick.enrollRelay(member, request);
    if (enrolled.ok) this.audit.record('relay-enrolled', member.id, at, { doorId: enrolled.value.doorId, serverUrl: request.serverUrl, queued: enrolled.value.queued });
    return enrolled;
  }

  /** The core closes: sticks still being sent are dropped. */
  close(): void {
    this.stick.close();
  }

  /**
   * The setup's name step shows the kindergarten joined: a computer that has no kindergarten row yet takes the group's
   * (its id and name). One that has a row keeps it: the kindergarten's own records bring what the group holds.
   */
  private adoptKindergarten(kindergarten: { id: string; name: string }): void {
    const held = this.o.db.prepare<[], string>('SELECT id FROM kindergarten LIMIT 1').pluck().get();
    if (held !== undefined) return;
    this.o.db.prepare('INSERT INTO kindergarten (id, name, demo) VALUES (?, ?, 0)').run(kindergarten.id, kindergarten.name);
  }
}

function linkOff<T>(): Done<T> {
  return Promise.resolve(fail('PEER_LINK_OFF', 'the peer link does not run on this computer'));
}
