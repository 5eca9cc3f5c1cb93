// The admin console's Backups page (renderer/src/admin/BackupsPage.tsx): English, the shape kk and ru fill.
// These texts stay out of the main catalogs on purpose: i18next's typed keys over the main catalogs sit at TypeScript's
// instantiation limit, and the page reads its own texts by language (backups-catalogs.ts) with the same checks.
export const backupsEn = {
  hint: 'The kiosk copies its records by itself every hour while the door is in use and every day, and checks each copy before it counts.',
  last: 'Last good copy',
  lastNone: 'No verified copy yet.',
  lastText: '{{when}}, {{kind}}: {{events}} records, {{children}} children, {{size}}',
  running: 'A copy is being taken and checked now…',
  lastFailure: 'The last attempt failed ({{when}}): {{message}}',
  backUpNow: 'Back up now',
  backingUp: 'Copying and checking…',
  backedUp: 'Copy of {{when}} taken and verified.',
  copies: 'Copies on this kiosk',
  copiesNone: 'No copies yet.',
  columns: { when: 'Taken', kind: 'Kind', holds: 'Holds', size: 'Size', check: 'Check' },
  holds: '{{events}} records, {{children}} children',
  verified: 'verified',
  failed: 'failed: {{problem}}',
  restore: 'Restore…',
  failedCopies: 'Copies that failed their check (kept aside, never used)',
  retention: 'How many copies to keep',
  retentionHint: 'The newest copy of each of the last hours, days, months and years. The newest copy is always kept.',
  retentionLocal: 'On this kiosk',
  retentionSecondPlace: 'At the second place',
  units: { hourly: 'hours', daily: 'days', monthly: 'months', yearly: 'years' },
  retentionSave: 'Save',
  retentionSaved: 'Saved.',
  secondPlace: 'Second place (USB stick or network folder)',
  secondPlaceHint:
    'Every verified copy is also written there, encrypted with a key made from the recovery passphrase. The passphrase is not stored anywhere: without it the copies there cannot be opened. Write it down and keep it safe.',
  secondPlaceNone: 'No second place chosen.',
  folder: 'Folder',
  keySetAt: 'Passphrase set {{when}}',
  states: {
    none: 'Nothing written there yet.',
    written: 'Last copy written {{when}}.',
    missing: 'Not there at {{when}}: is the stick plugged in? The copies on this kiosk go on.',
    full: 'Full at {{when}}: the copy did not fit. The copies on this kiosk go on.',
    unwritable: 'Cannot be written at {{when}}. The copies on this kiosk go on.',
    failed: 'Writing failed at {{when}}. The copies on this kiosk go on.',
  },
  passphrase: 'Recovery passphrase (at least 12 characters)',
  currentPassphrase: 'Current recovery passphrase',
  newPassphrase: 'New passphrase (leave empty to keep the current one)',
  save: 'Save the second place',
  saving: 'Saving… (making the key takes a moment)',
  saved: 'The second place is saved.',
  clear: 'Stop using the second place',
  cleared: 'The second place is no longer used. The copies already there stay.',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type BackupsTexts = Strings<typeof backupsEn>;
