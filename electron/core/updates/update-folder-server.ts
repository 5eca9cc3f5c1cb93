// Serves a checked, staged update to electron-updater as a generic feed on 127.0.0.1, so an update from a USB stick
// installs through the same path as one from the network (electron-updater downloads only over HTTP). Plain files of
// the one folder, by name; nothing else, and to no other host.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream';

export interface FolderFeed {
  url: string;
  close(): Promise<void>;
}

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]*$/;

export function serveFolder(folder: string): Promise<FolderFeed> {
  const server: Server = createServer((request, response) => {
    response.on('error', () => undefined);
    let name: string;
    try {
      name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !PLAIN_NAME.test(name)) {
      response.writeHead(404).end();
      return;
    }
    const path = join(folder, name);
    let size: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // pipeline, not pipe: a download the client gives up on (the updater cancelled, the kiosk closing) destroys the
    // file's stream too, where pipe() would leave it paused and its file open for as long as the kiosk runs. Either
    // side failing ends both; there is nobody to tell but the client, whose connection ends.
    pipeline(createReadStream(path), response, () => undefined);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open for seconds.
            server.closeAllConnections();
          }),
      });
    });
  });
}
