// The one KioskApi the UI uses: Electron's preload transport when present, else the web host's WebSocket.
import { checkedKioskApi, type RawTransport } from '../../../shared/api/checked-client.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import { webSocketTransport, type ConnectionListener } from './web-socket-transport.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge): KioskApi over IPC. Replies are checked here like the WebSocket's. */
    kiosk?: RawTransport;
  }
}

export function connectKiosk(onConnection: ConnectionListener): KioskApi {
  if (window.kiosk) {
    onConnection(true);
    return checkedKioskApi(window.kiosk, console.error);
  }
  return checkedKioskApi(webSocketTransport(onConnection), console.error);
}
