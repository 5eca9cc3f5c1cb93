// The console's *Computers* page and the first run's *Join a kindergarten that already has Esik* (docs/peers.md §3,
// §4). English, the shape kk and ru fill; apart from the main catalogs, whose typed keys sit at TypeScript's limit.
// The PIN's refusals are the This computer page's (kiosk-shell-*), the link's refusals the errors' (peer-errors-*).
export interface ComputersTexts {
  /** The console's tab. */
  tab: string;
  title: string;
  intro: string;
  loading: string;
  /** This computer, listed first. */
  thisComputer: string;
  roles: { door: string; office: string };
  address: string;
  noAddress: string;
  connected: string;
  /** {{when}}: dd.MM.yyyy HH:mm. */
  lastSeen: string;
  neverSeen: string;
  removed: string;
  /** {{count}}: records of a removed computer after its cut that this computer holds. */
  keptAfterRemoval: string;
  /** No other computer yet. */
  alone: string;
  /** {{count}}: records waiting more than ten minutes for what they name. */
  waitingLong: string;
  /** {{count}}: forks seen. */
  forks: string;
  add: string;
  addPinPrompt: string;
  pin: string;
  cancel: string;
  close: string;
  /** The code shown: what to do with it on the new computer. */
  codeTitle: string;
  codeHint: string;
  codeAddresses: string;
  /** {{minutes}}: whole minutes the code is still open. */
  minutesLeft: string;
  codeEnded: string;
  remove: string;
  /** {{name}}: the computer removed. */
  removeTitle: string;
  /** Why it matters: a removed computer held the PIN hashes. */
  removeWarning: string;
  reason: string;
  removeConfirm: string;
  removedNote: string;
  setAddress: string;
  saveAddress: string;
  addressSaved: string;
  badAddress: string;
  /** The first run: a new kindergarten or one that already has Esik. */
  join: {
    prompt: string;
    fresh: string;
    freshHint: string;
    join: string;
    joinHint: string;
    address: string;
    addressHint: string;
    code: string;
    codeHint: string;
    name: string;
    nameHint: string;
    submit: string;
    joining: string;
    back: string;
    /** {{kindergarten}}: its name. */
    joinedTitle: string;
    /** {{sponsor}}: the computer that showed the code. */
    joinedWith: string;
    /** The staff accounts are here (they came as records): sign in as at the sponsor. */
    staffHere: string;
    /** Not yet: what happens next, and the way on if they do not come. */
    staffComing: string;
    next: string;
  };
  /** The console of a computer in service that belongs to no group yet: joining the kindergarten's others (§9). */
  inService: {
    title: string;
    /** What joining keeps and what it takes from the other computer. */
    intro: string;
    /** What becomes of the PINs set here: the group's replace them. */
    pins: string;
    open: string;
    /** Joined: back to the page. */
    done: string;
  };
}

export const computersEn: ComputersTexts = {
  tab: 'Computers',
  title: "The kindergarten's computers",
  intro: 'Every computer of the kindergarten keeps all its records and passes them to the others over the local network.',
  loading: 'Loading…',
  thisComputer: 'This computer',
  roles: { door: 'Door', office: 'Office' },
  address: 'Address:',
  noAddress: 'not known yet',
  connected: 'Connected',
  lastSeen: 'Last seen {{when}}',
  neverSeen: 'Not connected yet',
  removed: 'Removed',
  keptAfterRemoval: 'Records kept after removal: {{count}}',
  alone: 'No other computer has been added yet.',
  waitingLong: 'Records waiting for what they name for more than ten minutes: {{count}}',
  forks: 'Records that differ from ones already held: {{count}}. Ask your IT person to look at them.',
  add: 'Add a computer',
  addPinPrompt: 'Type your PIN to open a one-time code.',
  pin: 'Your PIN',
  cancel: 'Cancel',
  close: 'Close',
  codeTitle: 'On the new computer choose "Join a kindergarten that already has Esik" and type this code and address:',
  codeHint: 'The code works once, for ten minutes; three wrong tries end it.',
  codeAddresses: "This computer's address:",
  minutesLeft: 'Minutes left: {{minutes}}',
  codeEnded: 'The code is no longer open.',
  remove: 'Remove',
  removeTitle: 'Remove {{name}}',
  removeWarning:
    "A removed computer held the staff's PIN hashes. If it was lost or stolen, have every member of staff change their PIN. The other computers refuse it from now on; it comes back only as a new computer.",
  reason: 'Reason',
  removeConfirm: 'Remove this computer',
  removedNote: 'Removed. The other computers refuse it from now on.',
  setAddress: 'Address typed by hand',
  saveAddress: 'Save',
  addressSaved: 'Saved: the next connection uses this address.',
  badAddress: 'This is not an address. Type it as the other computer shows it, for example 192.168.1.23 or 192.168.1.23:47620.',
  join: {
    prompt: 'Does the kindergarten already have Esik on another computer?',
    fresh: 'A new kindergarten',
    freshHint: 'This is the kindergarten\'s first computer with Esik: you enter its name, its staff and its roster here.',
    join: 'Join a kindergarten that already has Esik',
    joinHint: 'Another computer of the kindergarten shows a code under Computers → Add a computer: its records, staff and settings come here.',
    address: "The other computer's address",
    addressHint: 'As it is shown beside the code, for example 192.168.1.23:47620.',
    code: 'Code',
    codeHint: '12 letters and digits, for example 7KQ4-M2XD-9RTB.',
    name: "This computer's name",
    nameHint: 'How the other computers list it, for example "Door 2" or "Office".',
    submit: 'Join',
    joining: 'Joining: the two computers check each other…',
    back: 'Back',
    joinedTitle: 'This computer now belongs to {{kindergarten}}',
    joinedWith: 'Paired with {{sponsor}}.',
    staffHere: 'The staff accounts are here: sign in with the PIN you use at {{sponsor}}.',
    staffComing:
      'The staff accounts and records come from {{sponsor}} over the network in the next minutes, while both computers are on; this page sees them by itself. If they do not come, check that {{sponsor}} is on, or go on: you can create an admin here.',
    next: 'Continue the setup',
  },
  inService: {
    title: "Join the kindergarten's other computers",
    intro:
      "This computer belongs to no kindergarten's group yet. If the kindergarten has Esik on another computer, join it here with the code that computer shows under Computers → Add a computer. Everything recorded here stays and goes to the other computers; where the kindergarten's settings differ, the other computer's are kept.",
    pins: 'After joining, staff sign in here with the PIN they use at the other computer. The PINs set here stop working, and an account made only here has no PIN until an admin gives it one.',
    open: 'Join another computer',
    done: 'Done',
  },
};
