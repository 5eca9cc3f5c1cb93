// English catalog; its shape is the contract the Kazakh and Russian catalogs must fill.
export const en = {
  language: { kk: 'Қазақша', ru: 'Русский', en: 'English' },
  idle: {
    title: 'Tap your card',
    subtitle: 'or show your QR code to the camera',
    demo: 'DEMO',
    chainBroken: 'Record check failed — tell the administrator',
  },
  choose: {
    hint: 'Tap a name to leave that child out',
    confirm: 'Confirm',
    cancel: 'Cancel',
    autoConfirm: 'Confirming in {{seconds}} s',
    arrival: 'Arrival',
    departure: 'Departure',
    presentSince: 'here since {{time}}',
    notAllowed: 'Please ask a staff member',
    nothingSelected: 'Nobody selected',
  },
  done: {
    recorded: 'Recorded',
    repeat: 'Already recorded',
    arrival: 'arrived at {{time}}',
    departure: 'left at {{time}}',
    goodbye: 'Have a good day!',
  },
  errors: {
    UNKNOWN_CARD: 'This card is not registered. Please ask a staff member.',
    CARD_UNREADABLE: 'The card could not be read. Please tap it again.',
    CARD_REVOKED: 'This card is blocked. Please ask a staff member.',
    NO_CHILDREN: 'No children are linked to this card. Please ask a staff member.',
    SCAN_EXPIRED: 'Time ran out. Please tap the card again.',
    INVALID_REQUEST: 'Something went wrong. Please ask a staff member.',
    UNKNOWN_REQUEST: 'Something went wrong. Please ask a staff member.',
    DATABASE_UNAVAILABLE: 'The kiosk cannot save right now. Please ask a staff member.',
    INTERNAL: 'Something went wrong. Please ask a staff member.',
    QR_MALFORMED: 'This QR code is not an Esik pass. Please ask a staff member.',
    QR_TOO_LARGE: 'This QR code cannot be read here. Please ask a staff member.',
    QR_FORGED: 'This QR code is not valid. Please ask a staff member.',
    QR_EXPIRED: 'This QR code has expired. Open the app again for a fresh code.',
    QR_NOT_YET_VALID: "This QR code is not valid yet. Check the phone's clock or ask a staff member.",
    QR_REVOKED: 'This QR code has been withdrawn. Please ask a staff member.',
    QR_FOREIGN: 'This QR code is for another kindergarten.',
    CONNECTION_LOST: 'The kiosk lost contact with its core. Reconnecting…',
  },
  camera: {
    noCamera: 'No camera: tap a card, or ask a staff member',
    permissionDenied: 'The camera is not allowed. Staff: check the settings',
    unplugged: 'The camera was disconnected — cards still work',
  },
  readers: {
    disconnected: 'Card reader {{name}} is disconnected',
    error: 'Card reader {{name}} has a problem: {{detail}}',
  },
  alerts: {
    pickupNotAllowed: 'Staff: {{companion}} may not collect {{children}} ({{time}})',
    dismiss: 'Seen',
  },
  database: {
    title: 'The kiosk cannot open its records',
    DB_LOCKED: 'The records are in use by another program. Close any other Esik window, then try again.',
    DB_CORRUPT: 'The records file is damaged. Call the administrator: it can be restored from a backup.',
    DB_UNWRITABLE: 'The records folder cannot be written to. Check the disk and its permissions.',
    DB_FROM_FUTURE: 'The records were written by a newer version of Esik. Update this kiosk.',
    DB_UNKNOWN: 'The records could not be opened.',
    staffHint: 'Staff: note arrivals and departures on paper until this is fixed.',
    retry: 'Try again',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type Catalog = Strings<typeof en>;
