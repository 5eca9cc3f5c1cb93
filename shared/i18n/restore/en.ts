// Restoring a verified copy: the admin console's restore dialog (renderer/src/admin/RestoreCopyDialog.tsx) and the
// damaged-records screen's offer (renderer/src/screens/DatabaseErrorScreen.tsx). English, the shape kk and ru fill.
export const restoreEn = {
  title: 'Restore a copy of the records',
  hint: 'The records in use now are put aside in the data folder, never deleted. The door stops for a moment and everyone is signed out.',
  loading: 'Looking for copies…',
  none: 'There is no verified copy to restore.',
  local: 'On this kiosk',
  secondPlace: 'Second place (encrypted)',
  secondPlaceUnreachable: "The second place cannot be reached now: only this kiosk's own copies are listed.",
  kinds: { hourly: 'hourly', daily: 'daily', 'pre-migration': 'before an update', manual: 'taken by hand' },
  counts: '{{events}} records, {{children}} children',
  countsUnknown: 'what it holds is known once it is opened',
  pin: 'Your admin PIN',
  passphrase: 'Recovery passphrase',
  restore: 'Restore this copy',
  confirmText: 'Restore the copy of {{when}}? Records made after it stay in the folder put aside.',
  confirm: 'Yes, restore',
  cancel: 'Cancel',
  restoring: 'Restoring… the door is stopped.',
  done: 'The copy of {{when}} is restored. The records in use before are in {{folder}}.',
  close: 'Close',
  screen: {
    offer: 'A verified copy of {{when}} is on this kiosk ({{counts}}). An admin can restore it: the damaged records are kept aside.',
    start: 'Restore this copy',
    pinHint: 'Admin: type your PIN to restore the copy.',
  },
};
