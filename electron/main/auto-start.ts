// Starting after boot. On Windows the installed app registers itself as the kiosk user's login item (the admin can
// switch it off in the console: Assigned Access or Shell Launcher may start it instead). On Linux the deb puts an XDG
// autostart entry in /etc/xdg/autostart (build/linux/), so the app itself does nothing there. From the sources
// (npm start) nothing is registered: a developer's machine must not start a kiosk at login.
import { app } from 'electron';

export type LoginItemPlan = { kind: 'set'; openAtLogin: boolean } | { kind: 'none'; reason: string };

export function loginItemPlan(options: { platform: NodeJS.Platform; packaged: boolean; wanted: boolean }): LoginItemPlan {
  if (!options.packaged) return { kind: 'none', reason: 'running from the sources' };
  if (options.platform === 'linux') return { kind: 'none', reason: "the package's /etc/xdg/autostart/esik.desktop starts it" };
  if (options.platform !== 'win32') return { kind: 'none', reason: `no auto-start on ${options.platform}` };
  return { kind: 'set', openAtLogin: options.wanted };
}

/** Applies the plan: the login item is written (or removed) only where the plan says so. */
export function applyLoginItem(plan: LoginItemPlan, log: (line: string) => void): void {
  if (plan.kind === 'none') {
    log(`[main] no login item: ${plan.reason}`);
    return;
  }
  app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
  log(`[main] login item ${plan.openAtLogin ? 'set: Esik starts when this user logs in' : 'removed'}`);
}
