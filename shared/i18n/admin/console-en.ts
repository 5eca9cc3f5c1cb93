// The admin console's own words in English, the shape kk and ru fill: the idle warning, where an export went, whose a
// refused card is, who brought a child. Kept apart from the main catalogs, whose key types are
// at TypeScript's depth limit.
export const consoleEn = {
  idleTitle: 'Are you still here?',
  idleText: 'The console signs out in {{seconds}} s to keep the kiosk safe.',
  idleStay: 'Stay signed in',
  /** The web host: the browser downloaded the file. */
  exportDownloaded: '“{{file}}” is saved in the Downloads folder of this browser.',
  exportDownloadFailed: '“{{file}}” could not be downloaded; the kiosk keeps it in its exports folder.',
  /** The Electron shell: saved where the head chose. */
  exportSavedIn: '“{{file}}” is saved in the folder “{{folder}}”.',
  /** The Electron shell's save dialog was cancelled: the kiosk's own copy stays. */
  exportKept: '“{{file}}” is kept in the kiosk’s exports folder.',
  refusedCard: 'Card {{card}}',
  holderCompanion: 'of {{name}}',
  holderStaff: 'of {{name}} (staff)',
  holderWithdrawn: 'withdrawn',
  holderNobody: 'not registered to anyone',
  brought: 'Brought by {{name}}',
  collected: 'Collected by {{name}}',
};

export type ConsoleTexts = typeof consoleEn;
