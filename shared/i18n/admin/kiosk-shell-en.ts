// The admin console's "This computer" page (renderer/src/admin/KioskShellPage.tsx): English, the shape kk and ru fill.
// Kept out of the main catalogs for the same reason as backups-en.ts: their typed keys sit at TypeScript's limit.
export const kioskShellEn = {
  tab: 'This computer',
  startAtLoginTitle: 'Starting after boot',
  startAtLogin: 'Start Esik when this computer’s user logs in',
  startAtLoginSaved: 'Saved.',
  startAtLoginNotHere: 'Here the system starts Esik itself (on Linux, the autostart entry the package installed): see docs/kiosk-setup.md.',
  leaveTitle: 'Leave the kiosk',
  leaveText: 'Esik closes and the computer’s desktop shows. It starts again at the next login. Enter your PIN to confirm.',
  leaveOpen: 'Leave the kiosk…',
  pin: 'Your PIN',
  confirm: 'Leave the kiosk',
  cancel: 'Cancel',
  leaving: 'Closing…',
  left: 'Esik is closing.',
  wrongPin: 'Wrong PIN. Attempts left: {{left}}.',
  locked: 'Too many wrong PINs: locked until {{until}}.',
  notHere: 'This kiosk cannot be closed from the console.',
};
export type KioskShellTexts = typeof kioskShellEn;
