// Test support: a WebSocket client made by hand on a TCP socket, so a test can send what no library would (broken
// frames, unmasked frames, reserved bits) and can stop reading altogether.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface FrameOptions {
  opcode: number;
  payload: Buffer;
  fin?: boolean;
  rsv?: number;
  /** Clients must mask; false sends an unmasked frame, which a server must refuse. */
  masked?: boolean;
  /** Claims this payload length in the header instead of the real one. */
  claimedLength?: bigint;
}

export function encodeFrame(options: FrameOptions): Buffer {
  const { opcode, payload, fin = true, rsv = 0, masked = true } = options;
  const length = options.claimedLength ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  let lengthBytes = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    lengthBytes = Buffer.alloc(2);
    lengthBytes.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    lengthBytes = Buffer.alloc(8);
    lengthBytes.writeBigUInt64BE(length);
  }
  if (!masked) return Buffer.concat([Buffer.from(head), lengthBytes, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([Buffer.from(head), lengthBytes, mask, body]);
}

export function textFrame(text: string): Buffer {
  return encodeFrame({ opcode: 1, payload: Buffer.from(text, 'utf8') });
}

export interface RawClient {
  socket: Socket;
  /** Resolves when the server has closed the TCP connection (or it broke). */
  closed: Promise<void>;
  /** The HTTP status line of the handshake reply. */
  status: string;
}

/** Opens a TCP connection and sends a WebSocket upgrade request with the given headers. */
export function rawUpgrade(port: number, path: string, headers: Record<string, string>): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    // A reset from the server is one of the outcomes the tests look for, never a failure of the test itself.
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = received.subarray(0, received.indexOf('\r\n')).toString('latin1');
      resolve({ socket, closed, status });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed before a handshake reply: ${received.toString('latin1')}`)));
    const lines = [
      `GET ${path} HTTP/1.1`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}
