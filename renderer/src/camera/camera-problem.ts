// Why the camera is not scanning, as the kiosk tells it (camera.* texts), from whatever a failed start threw.
// getUserMedia rejects with a DOMException, some wrappers with a string ("… NotAllowedError: Permission denied"), so
// the exception's name is looked for in the text.

export type CameraProblem = 'noCamera' | 'permissionDenied' | 'unplugged';

export function cameraProblemOf(error: unknown): CameraProblem {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (/NotAllowedError|SecurityError|PermissionDenied/i.test(text)) return 'permissionDenied';
  // NotFoundError / OverconstrainedError: no camera, or none matching. NotReadableError / AbortError: the camera
  // exists but cannot be opened (another program holds it, a driver fault) — the nearest text says "no camera,
  // use a card or ask staff", which is what the person at the door should do.
  return 'noCamera';
}
