// What never reaches a log file as logged: PINs, secrets, passphrases, tokens, QR payloads, card numbers and people's
// names, wherever a structured call puts them (top level or one object down). Lines of text are kept free of them at
// their source (a card reading is logged masked, children and companions by id); kiosk-log.test.ts greps real files.
const SECRET_KEYS = [
  'pin',
  'newPin',
  'password',
  'passphrase',
  'secret',
  'token',
  'code',
  'key',
  'privateKey',
  'seed',
  'qr',
  'text',
  'payload',
  'raw',
  'card',
  'cardNumber',
  'value',
  'name',
  'firstName',
  'lastName',
  'fullName',
  'args',
];

export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((key) => [key, `*.${key}`]);

export const REDACTED = '[redacted]';
