// A port the OS gives free on 127.0.0.1, for a host started a moment later with it.
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 now (the host binds it a moment later; nothing else on a test machine races for it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
