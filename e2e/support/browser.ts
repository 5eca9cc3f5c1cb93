// Which Chromium the tests drive: ESIK_CHROMIUM, else Debian's, else whatever Playwright has.
import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.ESIK_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}
