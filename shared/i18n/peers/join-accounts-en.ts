// The console's join of a computer in service (docs/peers.md §9 "Joining with history"): the PIN asked again, the
// sentence on how staff sign in afterwards, and the accounts made only here to keep or deactivate. English, the shape
// kk and ru fill; apart from the main catalogs, whose typed keys sit at TypeScript's limit.
export interface JoinAccountsTexts {
  /** Before the join: the admin's PIN again, as for the page's other acts. */
  pinPrompt: string;
  pin: string;
  /** {{sponsor}}: the computer joined. Said once joined. */
  signInThere: string;
  title: string;
  /** {{sponsor}}: what the list is, and why some are ticked. */
  intro: string;
  /** {{sponsor}}: its accounts have not come yet, so nothing can be ticked. */
  waiting: string;
  none: string;
  roles: { admin: string; staff: string };
  /** {{sponsor}}: beside an account the group has by name. */
  sameName: string;
  keep: string;
  deactivate: string;
  apply: string;
  /** {{count}}: accounts deactivated. */
  deactivated: string;
  /** {{sponsor}}: the admin deactivated her own account here; her session has ended. */
  ownGone: string;
}

export const joinAccountsEn: JoinAccountsTexts = {
  pinPrompt: 'Type your PIN to join: joining changes this computer for good.',
  pin: 'Your PIN',
  signInThere: 'Staff sign in here with the PIN they use at {{sponsor}}.',
  title: 'Accounts made only on this computer',
  intro:
    'These accounts were made here before joining and have no PIN now. Deactivate those the kindergarten already has: the ticked ones have the name of an account that came from {{sponsor}}. Keep the others: an admin can give them a PIN.',
  waiting: 'The staff accounts of {{sponsor}} have not come yet: the names they share are ticked when they do.',
  none: 'No account was made only on this computer.',
  roles: { admin: 'Admin', staff: 'Staff' },
  sameName: 'Also at {{sponsor}}',
  keep: 'Keep',
  deactivate: 'Deactivate',
  apply: 'Deactivate the chosen accounts',
  deactivated: 'Deactivated: {{count}}.',
  ownGone: 'Your account here is deactivated: sign in with the PIN you use at {{sponsor}}.',
};
