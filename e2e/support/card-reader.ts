// Plays a keyboard-mode card reader into the page: real (trusted) key events through the DevTools protocol,
// stamped a fixed gap apart as the USB reader's reports would be, and paced in real time to match.
// The stamps matter: under a loaded test machine the protocol round trips jitter by tens of ms, while the
// OS stamps a real reader's keys as they arrive, however late the page gets to them.
import type { Page } from '@playwright/test';

const keyCodes: Record<string, { code: string; keyCode: number }> = {
  Enter: { code: 'Enter', keyCode: 13 },
  Tab: { code: 'Tab', keyCode: 9 },
  ',': { code: 'Comma', keyCode: 188 },
};

function describeKey(key: string): { key: string; code: string; keyCode: number; text?: string } {
  const special = keyCodes[key];
  if (key === 'Enter') return { key, ...keyCodes.Enter!, text: '\r' };
  if (special) return { key, ...special, ...(key.length === 1 ? { text: key } : {}) };
  if (/^\d$/.test(key)) return { key, code: `Digit${key}`, keyCode: 48 + Number(key), text: key };
  if (/^[A-Za-z]$/.test(key)) return { key, code: `Key${key.toUpperCase()}`, keyCode: key.toUpperCase().charCodeAt(0), text: key };
  throw new Error(`no key description for ${JSON.stringify(key)}`);
}

/** Types `keys` (characters, then the suffix key such as 'Enter') with `gapMs` between key presses. */
export async function typeAsReader(page: Page, keys: string[], gapMs: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const start = Date.now();
    for (const [i, key] of keys.entries()) {
      const due = start + i * gapMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const k = describeKey(key);
      const timestamp = due / 1000;
      const common = { key: k.key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode, timestamp };
      await cdp.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...common, ...(k.text ? { text: k.text, unmodifiedText: k.text } : {}) });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: timestamp + 0.001 });
    }
  } finally {
    await cdp.detach();
  }
}

export function cardKeys(number: string, suffix: 'Enter' | 'Tab' | null = 'Enter'): string[] {
  return [...number.split(''), ...(suffix ? [suffix] : [])];
}
