// The admin console's Archive page (renderer/src/admin/ArchivePage.tsx): English, the shape kk and ru fill.
// Kept out of the main catalogs for the same reason as backups-en.ts: their typed keys sit at TypeScript's limit.
export const archiveEn = {
  policy: 'Records of the current year and the {{keep}} years before it stay on the kiosk; older years move into yearly archive files, once the city has accepted them and an admin confirms.',
  due: 'Years to archive',
  dueNone: 'No year is due for the archive.',
  columns: { year: 'Year', records: 'Records', size: 'Size', state: 'State', file: 'File', sha256: 'SHA-256', check: 'Check' },
  records: '{{own}} own, {{peer}} from other kiosks, {{absences}} absences',
  estimated: 'about {{size}}',
  ready: 'ready',
  unacknowledged: '{{count}} records not yet accepted by the city: the year cannot be archived until they are.',
  archive: 'Archive this year…',
  confirmTitle: 'Archive {{year}}',
  confirmText: 'The records of {{year}} are written into an archive file, checked, and then removed from the live database. Enter your PIN to confirm.',
  pin: 'Your PIN',
  confirm: 'Archive',
  cancel: 'Cancel',
  archiving: 'Archiving…',
  running: 'Archiving {{year}}: {{step}} ({{copied}} of {{total}})…',
  steps: { writing: 'writing', verifying: 'verifying', moving: 'moving' },
  archived: '{{year}} is archived.',
  wrongPin: 'Wrong PIN. Attempts left: {{left}}.',
  locked: 'Too many wrong PINs: locked until {{until}}.',
  archivedYears: 'Archived years',
  archivedNone: 'No year has been archived yet.',
  archivedBy: '{{when}}, {{name}}',
  verify: 'Verify',
  verifying: 'Verifying…',
  notChecked: 'not checked since the kiosk started',
  verified: 'verified {{when}}',
  problem: 'problem: {{problem}}',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type ArchiveTexts = Strings<typeof archiveEn>;
