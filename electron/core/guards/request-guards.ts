// Who may make a request, declared beside each handler ({ guard: 'admin', run }) and checked here, in one place, before
// the handler runs. The handler gets what the guard proved: the open store, and for staff and admin requests the
// session's staff member and the request's time.
//
//   none   answered whatever state the kiosk is in (status, readers, retry)
//   store  needs the open records (DATABASE_UNAVAILABLE, or CANNOT_RECORD while the disk refuses writes)
//   door   a person acting at the kiosk without a session (a tap, a sign-in): as store, and the push gives way
//   staff  a live staff session (STAFF_SESSION_ENDED otherwise); the push gives way
//   admin  a live session of an admin (STAFF_FORBIDDEN for anyone else); the push gives way
import { fail, type Result } from '../../../shared/api/result.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import type { StaffMember } from '../../../shared/staff/staff-contract.js';
import type { SignInChannel } from '../../../shared/staff/staff-domain.js';

export const GUARDS = ['none', 'store', 'door', 'staff', 'admin'] as const;
export type Guard = (typeof GUARDS)[number];

/** What the staff sessions answer for a session id: the live session's member, or the refusal to send. */
export type SessionCheck = { ok: true; member: StaffMember; at: LocalTime; channel: SignInChannel } | { ok: false; result: Result<never> };

/** Who is asking, as the guard proved it. */
export interface Caller {
  member: StaffMember;
  at: LocalTime;
  channel: SignInChannel;
}

type Context<G extends Guard, S> = G extends 'none' ? Record<never, never> : G extends 'store' | 'door' ? { store: S } : { store: S; caller: Caller };

/** A handler with its guard; `run` sees only what its guard checked. */
export type Guarded<S, F extends (args: never) => unknown> = {
  [G in Guard]: { guard: G; run: (args: Parameters<F>[0], context: Context<G, S>) => ReturnType<F> };
}[Guard];

export type GuardedHandlers<S, H extends Record<string, (args: never) => unknown>> = { [K in keyof H]: Guarded<S, H[K]> };

/** What the guards need from the kiosk: the open store (and its failures), and the staff sessions. */
export interface GuardEnv<S> {
  /** Runs `action` on the open store or answers why there is none; `inPerson`: someone is at the kiosk, the push gives way. */
  withStore<R>(inPerson: boolean, action: (store: S) => R): R | Result<never>;
  session(store: S, sessionId: string): SessionCheck;
}

/** Runs that answer with a Promise though not written as async functions (projected ones, below). */
const laterRuns = new WeakSet<object>();

function answersLater(run: object): boolean {
  return Object.prototype.toString.call(run) === '[object AsyncFunction]' || laterRuns.has(run);
}

/** The handlers as the shells and tests call them, each behind its declared guard. */
export function guardHandlers<S, H extends Record<string, (args: never) => unknown>>(definitions: GuardedHandlers<S, H>, env: GuardEnv<S>): H {
  const handlers: Partial<Record<keyof H, (args: unknown) => unknown>> = {};
  for (const name of Object.keys(definitions) as (keyof H & string)[]) {
    const definition = definitions[name] as { guard: Guard; run: (args: unknown, context: unknown) => unknown };
    // A handler that answers with a Promise answers a refusal with one too, as its type promises its callers.
    const later = answersLater(definition.run);
    handlers[name] = (args: unknown) => {
      const result = checked(name, definition, args, env);
      return later && !(result instanceof Promise) ? Promise.resolve(result) : result;
    };
  }
  // Every name of `definitions` got its function above: the record is whole, and each function has its handler's type.
  return handlers as unknown as H;
}

/** Each request's guard, for a test that every request declares one. */
export function guardsOf<S, H extends Record<string, (args: never) => unknown>>(definitions: GuardedHandlers<S, H>): Record<keyof H, Guard> {
  return Object.fromEntries(Object.entries(definitions).map(([name, definition]) => [name, (definition as { guard: Guard }).guard])) as Record<keyof H, Guard>;
}

function checked<S>(name: string, definition: { guard: Guard; run: (args: unknown, context: unknown) => unknown }, args: unknown, env: GuardEnv<S>): unknown {
  const { guard, run } = definition;
  if (guard === 'none') return run(args, {});
  if (guard === 'store') return env.withStore(false, (store) => run(args, { store }));
  if (guard === 'door') return env.withStore(true, (store) => run(args, { store }));
  return env.withStore(true, (store) => {
    const session = env.session(store, sessionIdOf(args));
    if (!session.ok) return session.result;
    if (guard === 'admin' && session.member.role !== 'admin') return fail('STAFF_FORBIDDEN', `${name} is for admins`);
    return run(args, { store, caller: { member: session.member, at: session.at, channel: session.channel } });
  });
}

/** The contract gives every staff and admin request a sessionId; a call without one has no session. */
function sessionIdOf(args: unknown): string {
  if (typeof args === 'object' && args !== null && 'sessionId' in args && typeof args.sessionId === 'string') return args.sessionId;
  return '';
}

/** The same handlers over a larger store (the core's), from which `project` takes the one they were written for. */
export function projectGuarded<T, S, H extends Record<string, (args: never) => unknown>>(definitions: GuardedHandlers<S, H>, project: (store: T) => S): GuardedHandlers<T, H> {
  const projected: Record<string, { guard: Guard; run: (args: unknown, context: { store?: T; caller?: Caller }) => unknown }> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const { guard, run } = definition as { guard: Guard; run: (args: unknown, context: { store?: S; caller?: Caller }) => unknown };
    // A 'none' guard has no store to project.
    const runProjected = (args: unknown, { store, caller }: { store?: T; caller?: Caller }): unknown =>
      run(args, { ...(store === undefined ? {} : { store: project(store) }), ...(caller === undefined ? {} : { caller }) });
    // Answers later where the handler did (guardHandlers then answers its refusals with a Promise too).
    if (answersLater(run)) laterRuns.add(runProjected);
    projected[name] = { guard, run: runProjected };
  }
  // Same names and guards, each run given the projected store: the shape of GuardedHandlers<T, H>.
  return projected as unknown as GuardedHandlers<T, H>;
}
