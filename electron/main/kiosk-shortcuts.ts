// Which keys the kiosk window swallows: those that close, quit, reload or leave full screen, and the developer tools.
// Letters are matched by their physical key (KeyboardEvent.code), not the character typed: with the Kazakh or Russian
// layout active, Ctrl+W types "ц" and must be refused all the same. No 'electron' import: the window hands its input in.

/** The fields of Electron's before-input-event Input this decision reads. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export type BlockedShortcut = 'close-window' | 'quit' | 'reload' | 'full-screen' | 'developer-tools' | 'zoom' | 'print' | 'new-window' | 'history';

/** Ctrl on Windows and Linux, Cmd on macOS: either counts, so a Mac keyboard on a kiosk PC changes nothing. */
function primary(input: KeyInput): boolean {
  return input.control || input.meta;
}

/** A letter's physical key, "KeyW" → "w"; null for any other key. */
function letter(code: string): string | null {
  return /^Key[A-Z]$/.test(code) ? code.slice(3).toLowerCase() : null;
}

/**
 * The shortcut a key press would fire that a kiosk must not: null lets the key through (digits and Enter from a
 * keyboard-mode card reader, typing in the console's forms, copy and paste). Alt+Tab and Ctrl+Alt+Del are the
 * operating system's and never reach the window; the OS set-up in docs/kiosk-setup.md deals with them.
 */
export function blockedShortcut(input: KeyInput): BlockedShortcut | null {
  const key = input.key;
  const code = input.code;
  const ctrl = primary(input);
  const keyLetter = letter(code);

  if ((code === 'F4' && (input.alt || ctrl)) || (ctrl && keyLetter === 'w')) return 'close-window';
  if (ctrl && keyLetter === 'q') return 'quit';
  if (code === 'F5' || key === 'BrowserRefresh' || (ctrl && keyLetter === 'r')) return 'reload';
  if (code === 'F11' || (ctrl && input.shift && keyLetter === 'f') || (input.meta && ctrl && keyLetter === 'f')) return 'full-screen';
  if (code === 'F12' || (ctrl && input.shift && (keyLetter === 'i' || keyLetter === 'j' || keyLetter === 'c')) || (input.meta && input.alt && keyLetter === 'i'))
    return 'developer-tools';
  // Zoom would spill the door's screens past the edge on a small touch screen, with nothing on it to undo it.
  if (ctrl && (code === 'Equal' || code === 'Minus' || code === 'Digit0' || code === 'NumpadAdd' || code === 'NumpadSubtract' || code === 'Numpad0')) return 'zoom';
  if (ctrl && keyLetter === 'p') return 'print';
  if (ctrl && (keyLetter === 'n' || keyLetter === 't')) return 'new-window';
  if (key === 'BrowserBack' || key === 'BrowserForward' || (input.alt && (code === 'ArrowLeft' || code === 'ArrowRight'))) return 'history';
  return null;
}
