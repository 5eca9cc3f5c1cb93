// KioskApi over Electron's IPC: one invoke channel, answered only for the app's own top frame. The request's name and
// arguments are checked against the contract's zod schemas by dispatch(), as they are for the web host's WebSocket.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL } from '../../shared/api/ipc-channels.js';
import { fail } from '../../shared/api/result.js';
import { dispatch } from '../core/api/dispatch.js';
import type { KioskHandlers } from '../core/kiosk-core.js';
import { isAppUrl } from './security.js';

/** Registers the one handler the preload calls (electron/main/preload.ts). */
export function bindKioskApi(handlers: KioskHandlers, log: (line: string) => void): void {
  ipcMain.handle(IPC_CALL, (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    if (!isTrustedSender(event)) {
      log(`[main] a request from ${event.senderFrame?.url ?? 'a frame that is gone'} refused: not the kiosk window`);
      return fail('UNKNOWN_REQUEST', 'sender is not the kiosk window');
    }
    return dispatch(handlers, name, args, log);
  });
}

/** Only the app's own top frame may call the core; not an iframe, not a page that navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
