// Signed-in staff, in memory only: a restart signs everyone out. A session lives while requests keep coming; one
// idle for longer than its member's limit ends by itself (the UI returns to the door at the same moment). The limit
// is per member: an admin may sit in the console for minutes, staff at the door get the short one.
import { randomUUID } from 'node:crypto';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';

interface Session {
  member: StaffMember;
  /** How the member signed in: a PIN asked for within the session is counted on the same channel. */
  channel: SignInChannel;
  lastActiveMs: number;
  /** The member's stored PIN when the session began (its hash as hex; null: none), to tell a PIN changed since. */
  pinStamp: string | null;
}

/** How long a member's session may stay idle, in ms. */
export type IdleLimit = (member: StaffMember) => number;

export type SessionLookup = { kind: 'active'; member: StaffMember; channel: SignInChannel } | { kind: 'timed-out'; member: StaffMember } | { kind: 'none' };

export class StaffSessions {
  private readonly sessions = new Map<string, Session>();

  open(member: StaffMember, channel: SignInChannel, nowMs: number, pinStamp: string | null = null): string {
    const id = randomUUID();
    this.sessions.set(id, { member, channel, lastActiveMs: nowMs, pinStamp });
    return id;
  }

  /** The session's staff member, refreshing its idle timer; an idle session is ended and reported once. */
  use(sessionId: string, nowMs: number, idleMs: IdleLimit): SessionLookup {
    const session = this.sessions.get(sessionId);
    if (!session) return { kind: 'none' };
    if (nowMs - session.lastActiveMs > idleMs(session.member)) {
      this.sessions.delete(sessionId);
      return { kind: 'timed-out', member: session.member };
    }
    session.lastActiveMs = nowMs;
    return { kind: 'active', member: session.member, channel: session.channel };
  }

  /** Whether someone is signed in and not idle past the limit (without refreshing anyone's timer). */
  anyActive(nowMs: number, idleMs: IdleLimit): boolean {
    for (const session of this.sessions.values()) if (nowMs - session.lastActiveMs <= idleMs(session.member)) return true;
    return false;
  }

  /** Ends a session; its staff member, or null if it had already ended. */
  close(sessionId: string): StaffMember | null {
    const session = this.sessions.get(sessionId);
    this.sessions.delete(sessionId);
    return session?.member ?? null;
  }

  /** The member's PIN was changed in one of her sessions: each of hers now remembers the new one. */
  restamp(staffId: string, pinStamp: string | null): void {
    for (const session of this.sessions.values()) if (session.member.id === staffId) session.pinStamp = pinStamp;
  }

  /** Ends every session whose member `ends` names, returning who was signed out with their session ids. */
  endWhere(ends: (member: StaffMember, pinStamp: string | null) => boolean): { sessionId: string; member: StaffMember }[] {
    const ended: { sessionId: string; member: StaffMember }[] = [];
    for (const [sessionId, session] of this.sessions) {
      if (!ends(session.member, session.pinStamp)) continue;
      this.sessions.delete(sessionId);
      ended.push({ sessionId, member: session.member });
    }
    return ended;
  }

  /** Ends every session idle for longer than idleMs, returning who was signed out with their session ids. */
  expire(nowMs: number, idleMs: IdleLimit): { sessionId: string; member: StaffMember }[] {
    const ended: { sessionId: string; member: StaffMember }[] = [];
    for (const [sessionId, session] of this.sessions) {
      if (nowMs - session.lastActiveMs <= idleMs(session.member)) continue;
      this.sessions.delete(sessionId);
      ended.push({ sessionId, member: session.member });
    }
    return ended;
  }
}
