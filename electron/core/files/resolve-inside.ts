// Maps a URL path to a file inside one folder, refusing anything that would step outside it.
import { join, normalize, resolve, sep } from 'node:path';

/** Resolves a URL path inside root, or null when it would step outside it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const full = resolve(join(root, relative));
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : null;
}
