// Plays a keyboard-mode card reader or 2D scanner into the page: real (trusted) key events through the DevTools
// protocol, stamped a fixed gap apart as the USB device's reports would be (see typeAsReader for when they are also
// paced in real time).
// The stamps matter: under a loaded test machine the protocol round trips jitter by tens of ms, while the
// OS stamps a real reader's keys as they arrive, however late the page gets to them.
// Characters are typed as the US-layout keys HID devices emulate, capitals and symbols with Shift.
import type { CDPSession, Page } from '@playwright/test';

interface KeyPress {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  shift: boolean;
}

const SHIFT = 8; // CDP's modifier bit for Shift

/** US layout: physical key, Windows virtual key code, character without and with Shift. */
const SYMBOL_KEYS: [code: string, keyCode: number, plain: string, shifted: string][] = [
  ['Backquote', 192, '`', '~'],
  ['Minus', 189, '-', '_'],
  ['Equal', 187, '=', '+'],
  ['BracketLeft', 219, '[', '{'],
  ['BracketRight', 221, ']', '}'],
  ['Backslash', 220, '\\', '|'],
  ['Semicolon', 186, ';', ':'],
  ['Quote', 222, "'", '"'],
  ['Comma', 188, ',', '<'],
  ['Period', 190, '.', '>'],
  ['Slash', 191, '/', '?'],
  ['Space', 32, ' ', ' '],
  ...Array.from('0123456789', (digit, i): [string, number, string, string] => [`Digit${digit}`, 48 + i, digit, ')!@#$%^&*('[i] ?? '']),
];

function describeKey(key: string): KeyPress {
  if (key === 'Enter') return { key, code: 'Enter', keyCode: 13, text: '\r', shift: false };
  if (key === 'Tab') return { key, code: 'Tab', keyCode: 9, shift: false };
  if (/^[A-Za-z]$/.test(key)) {
    const upper = key.toUpperCase();
    return { key, code: `Key${upper}`, keyCode: upper.charCodeAt(0), text: key, shift: key === upper };
  }
  for (const [code, keyCode, plain, shifted] of SYMBOL_KEYS) {
    if (key === plain) return { key, code, keyCode, text: key, shift: false };
    if (key === shifted) return { key, code, keyCode, text: key, shift: true };
  }
  throw new Error(`no key description for ${JSON.stringify(key)}`);
}

/** The protocol events of one key press, sent in order without waiting for each (see typeAsReader). */
function press(cdp: CDPSession, k: KeyPress, timestamp: number): Promise<unknown>[] {
  const modifiers = k.shift ? SHIFT : 0;
  const shiftKey = { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16, nativeVirtualKeyCode: 16, timestamp };
  const common = { key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode, modifiers, timestamp };
  return [
    ...(k.shift ? [cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', modifiers, ...shiftKey })] : []),
    cdp.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...common, ...(k.text ? { text: k.text, unmodifiedText: k.text } : {}) }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: timestamp + 0.001 }),
    ...(k.shift ? [cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: 0, ...shiftKey, timestamp: timestamp + 0.001 })] : []),
  ];
}

/** The fastest a person types; anything quicker is a device (the page's own threshold is 30 ms). */
const READER_PACE_MS = 30;
const SUFFIXES = new Set(['Enter', 'Tab']);

/** Types `keys` (characters, then the suffix key such as 'Enter') with `gapMs` between key presses. */
export async function typeAsReader(page: Page, keys: string[], gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Sent without waiting for each round trip (the session keeps them in order): a 140-character QR text is some
    // 500 events, and waiting for each lets a busy test machine open gaps long enough for the page's quiet-time
    // flush to cut the burst in two, which a real scanner's OS-stamped, queued keys never do.
    // A reader-paced burst that ends in Enter or Tab is handed over at once, as the OS queue holds a real one by the
    // time the page looks: paced in real time, a test process stalled for 100 ms mid-card let the page's quiet-time
    // flush take the first eight digits as a card of their own. Human pace, and bursts with no suffix (which only
    // that flush can end), are still paced in real time.
    const paced = gapMs > READER_PACE_MS || !SUFFIXES.has(keys.at(-1) ?? '');
    const sent: Promise<unknown>[] = [];
    const start = Date.now();
    for (const [i, key] of keys.entries()) {
      const due = start + i * gapMs;
      const wait = due - Date.now();
      if (paced && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(...press(cdp, describeKey(key), due / 1000));
    }
    await Promise.all(sent);
  } finally {
    await cdp.detach();
  }
}

export function cardKeys(number: string, suffix: 'Enter' | 'Tab' | null = 'Enter'): string[] {
  return [...number.split(''), ...(suffix ? [suffix] : [])];
}

/** A 2D scanner in keyboard mode types the code's text, then Enter. */
export function scannerKeys(text: string): string[] {
  return [...Array.from(text), 'Enter'];
}
