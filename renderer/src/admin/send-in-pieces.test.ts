import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import { base64, sendInPieces, type PieceSender } from './send-in-pieces.js';

/** A core that keeps what it is sent, in pieces of `chunkBytes`, refusing the piece at `refuseAt` if told. */
function core(chunkBytes: number, refuseAt: number | null = null) {
  const pieces: { offset: number; bytes: Buffer }[] = [];
  const sender: PieceSender = {
    begin: (fileName, bytes) => Promise.resolve(fileName === '' || bytes < 0 ? fail('INVALID_REQUEST') : ok({ uploadId: 'u-1', chunkBytes })),
    piece: (uploadId, offset, data): Promise<Result<unknown>> => {
      if (offset === refuseAt) return Promise.resolve(fail('INVALID_REQUEST', 'piece refused'));
      pieces.push({ offset, bytes: Buffer.from(data, 'base64') });
      return Promise.resolve(ok({ received: offset + data.length, uploadId }));
    },
  };
  return { sender, pieces };
}

describe('sendInPieces', () => {
  it('sends a file in order, in the core’s pieces, and the pieces are the file', async () => {
    const file = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const { sender, pieces } = core(32 * 1024);
    const percents: number[] = [];
    const sent = await sendInPieces(sender, 'esik-Door.esikpeer', new Uint8Array(file), (p) => percents.push(p));
    expect(sent).toEqual({ ok: true, value: 'u-1' });
    expect(pieces.map((p) => p.offset)).toEqual([0, 32 * 1024, 64 * 1024]);
    expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(file)).toBe(true);
    expect(percents.at(-1)).toBe(100);
  });

  it('stops at the first refused piece and answers its refusal', async () => {
    const { sender, pieces } = core(10, 10);
    const sent = await sendInPieces(sender, 'a', new Uint8Array(35));
    expect(sent).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(pieces).toHaveLength(1);
  });

  it('answers the announcement’s refusal without sending a piece', async () => {
    const { sender, pieces } = core(10);
    expect(await sendInPieces(sender, '', new Uint8Array(3))).toMatchObject({ ok: false });
    expect(pieces).toHaveLength(0);
  });

  it('writes base64 as Node does, past one 32 KiB step', () => {
    const bytes = Buffer.from(Array.from({ length: 0x8000 + 5 }, (_, i) => (i * 31) % 256));
    expect(base64(new Uint8Array(bytes))).toBe(bytes.toString('base64'));
  });
});
