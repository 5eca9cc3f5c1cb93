// The door or the office (docs/peers.md §2): the first run's question, the console's This computer section, the
// Settings page's sentence and the office's refusal of a tap. English, the shape kk and ru fill; apart from the main
// catalogs, whose typed keys sit at TypeScript's limit.
export interface MachineRoleTexts {
  /** The question's step in the setup's list. */
  step: string;
  prompt: string;
  /** The two answers, each with a sentence saying what it means. */
  roles: { door: string; office: string };
  hints: { door: string; office: string };
  /** Revisited from the console's Setup once the first run is done: the role is changed elsewhere. */
  changedElsewhere: string;
  /** The console's This computer page. */
  title: string;
  now: string;
  changeTo: { door: string; office: string };
  pinPrompt: string;
  pin: string;
  confirm: string;
  cancel: string;
  /** The checklist's button on the office, which opens on the staff sign-in rather than the door. */
  finish: string;
  saved: string;
  /** Under the staff sign-in setting on the Settings page. */
  signInNote: string;
  /** The office refuses a tap or an offer (NOT_A_DOOR). */
  notADoor: string;
}

export const machineRoleEn: MachineRoleTexts = {
  step: 'This computer',
  prompt: 'Where does this computer stand?',
  roles: { door: 'At the door', office: 'In the office' },
  hints: {
    door: 'At the entrance, with the card reader and the camera: cards and QR codes are tapped here when children come and go.',
    office: 'The console and the staff screens for the nurse and the head: no card reader, no camera.',
  },
  changedElsewhere: "It is changed on the console's This computer page, with your PIN again.",
  title: 'Where this computer stands',
  now: 'Now:',
  changeTo: { door: 'Use it at the door', office: 'Use it in the office' },
  pinPrompt: 'Type your PIN to confirm.',
  pin: 'Your PIN',
  confirm: 'Confirm',
  cancel: 'Cancel',
  finish: 'Finish: open the staff sign-in',
  saved: 'Saved.',
  signInNote: 'On the office computer staff sign in by name or by staff card, whatever is chosen here: it has no card reader, and it stands in a room only staff use.',
  notADoor: 'This is the office computer: cards and QR codes are read at the door.',
};
