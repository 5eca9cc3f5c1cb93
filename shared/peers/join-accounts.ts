// A computer that joined with staff accounts of its own (docs/peers.md §9 "Joining with history"): the accounts made
// only here, listed after the join to keep or deactivate, and the rule that ticks one for deactivation — the group
// holds an account of the same name (typically a second first admin, made when the office was set up on its own).
import { z } from 'zod';
import { Id } from '../domain/attendance.js';
import { StaffRoleSchema } from '../staff/staff-domain.js';

/** One account made only here, before the join, still active. */
export const JoinAccountSchema = z.object({
  staffId: Id,
  firstName: z.string().max(100),
  lastName: z.string().max(100),
  role: StaffRoleSchema,
  /** The group holds an active account of the same name: ticked for deactivation. */
  sameNameInGroup: z.boolean(),
});
export type JoinAccount = z.infer<typeof JoinAccountSchema>;

/** The list, and how many of the group's accounts are held yet (none: they have not come yet, nothing can match). */
export const JoinAccountsSchema = z.object({
  accounts: z.array(JoinAccountSchema).max(500),
  groupAccounts: z.number().int().nonnegative(),
});
export type JoinAccounts = z.infer<typeof JoinAccountsSchema>;

/** At most this many accounts deactivated by one request (a kindergarten has a few dozen staff). */
export const JOIN_DEACTIVATE_MAX = 200;

/**
 * A name as two accounts are compared: Unicode-normalised (NFKC), case folded, every run of spaces one, and ё as е
 * (Russian spelling leaves it out as often as not). First and last name in either order, since the two were typed on
 * two machines by two people.
 */
export function staffNameKey(firstName: string, lastName: string): string {
  const norm = (part: string) =>
    part
      .normalize('NFKC')
      .toLocaleLowerCase('ru')
      .replace(/ё/g, 'е')
      .replace(/\s+/g, ' ')
      .trim();
  return [norm(firstName), norm(lastName)]
    .filter((part) => part !== '')
    .sort()
    .join(' ');
}

/** Whether an account made here has the name of one of the group's: the rule that ticks it for deactivation. */
export function sameNameAsAny(account: { firstName: string; lastName: string }, group: readonly { firstName: string; lastName: string }[]): boolean {
  const key = staffNameKey(account.firstName, account.lastName);
  return key !== '' && group.some((other) => staffNameKey(other.firstName, other.lastName) === key);
}
