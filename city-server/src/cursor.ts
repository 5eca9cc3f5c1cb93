// Cursors are opaque to the kiosk: "<database epoch>.<number>". The epoch makes a cursor from a wiped or
// different server unknown here (the kiosk then gets a full snapshot) instead of silently meaning something else.
const CURSOR = /^([0-9a-f]{16})\.(\d{1,15})$/;

export function encodeCursor(epoch: string, position: number): string {
  return `${epoch}.${position}`;
}

/** The position a cursor names, or null when it is absent, malformed, from another database or from the future. */
export function decodeCursor(epoch: string, cursor: string | null | undefined, latest: number): number | null {
  if (!cursor) return null;
  const match = CURSOR.exec(cursor);
  if (!match || match[1] !== epoch) return null;
  const position = Number(match[2]);
  return Number.isSafeInteger(position) && position <= latest ? position : null;
}
