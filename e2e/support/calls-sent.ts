// The names of the KioskApi calls a page sends over its WebSocket, in order, as the browser puts them on the wire.
import type { Page, WebSocket } from '@playwright/test';

/** Listens from now on: sockets the page opened before are not heard (reload the page to hear its socket). */
export function callsSent(page: Page): string[] {
  const names: string[] = [];
  page.on('websocket', (socket: WebSocket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') return;
      const message: unknown = JSON.parse(payload);
      if (typeof message === 'object' && message !== null && 'name' in message && typeof message.name === 'string') names.push(message.name);
    });
  });
  return names;
}
