// The one upload store, with both holds: a file announced with a size over the bound is refused before a byte; pieces
// only in order, only up to the size and the piece bound; only the sender may send more or take it; whole only when
// every byte came; ten minutes, newer files or a forget let it go (and a disk hold's folder with it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/api/result.js';
import { tempDataDir } from '../testing/fixtures.js';
import { diskHold, memoryHold, uploadFileName, type DiskHold, type MemoryHold } from './upload-holds.js';
import { UploadStore, type UploadHold, type UploadRules } from './upload-store.js';

const CODES = { tooLarge: 'ROSTER_FILE_TOO_LARGE', unknown: 'ROSTER_UPLOAD_UNKNOWN', incomplete: 'ROSTER_UPLOAD_INCOMPLETE' } as const;
const START = Date.UTC(2026, 2, 2, 9, 0);

function code<T>(result: Result<T>): string {
  return result.ok ? 'ok' : result.error.code;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.detail ?? ''}`);
  return result.value;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}

function memoryStore(clock: { ms: number }, over: Partial<UploadRules<MemoryHold>> = {}): UploadStore<MemoryHold> {
  return new UploadStore({ maxBytes: 16, chunkBytes: 4, most: 2, codes: CODES, hold: (_id, _name, size) => memoryHold(size), ...over }, () => clock.ms);
}

describe('UploadStore', () => {
  it('refuses a file over the bound when it is announced, and takes one at the bound', () => {
    const store = memoryStore({ ms: START });
    expect(code(store.begin('a', 'big.xlsx', 17))).toBe('ROSTER_FILE_TOO_LARGE');
    expect(value(store.begin('a', 'full.xlsx', 16)).chunkBytes).toBe(4);
  });

  it('takes pieces in order up to the size, and gives the whole file with its name', () => {
    const store = memoryStore({ ms: START });
    const { uploadId } = value(store.begin('a', 'list.xlsx', 6));
    expect(code(store.whole('a', uploadId))).toBe('ROSTER_UPLOAD_INCOMPLETE');
    expect(value(store.chunk('a', uploadId, 0, b64('abcd'))).received).toBe(4);
    expect(code(store.chunk('a', uploadId, 0, b64('ab')))).toBe('ROSTER_UPLOAD_INCOMPLETE'); // again at 0
    expect(code(store.chunk('a', uploadId, 5, b64('f')))).toBe('ROSTER_UPLOAD_INCOMPLETE'); // a gap
    expect(code(store.chunk('a', uploadId, 4, b64('efg')))).toBe('ROSTER_UPLOAD_INCOMPLETE'); // past the size
    expect(value(store.chunk('a', uploadId, 4, b64('ef'))).received).toBe(6);
    const whole = value(store.whole('a', uploadId));
    expect(Buffer.from(whole.hold.bytes).toString()).toBe('abcdef');
    expect([whole.fileName, whole.size, whole.staffId]).toEqual(['list.xlsx', 6, 'a']);
  });

  it('refuses a piece over the piece bound even where the size has room', () => {
    const store = memoryStore({ ms: START });
    const { uploadId } = value(store.begin('a', 'list.xlsx', 10));
    expect(code(store.chunk('a', uploadId, 0, b64('abcde')))).toBe('ROSTER_UPLOAD_INCOMPLETE');
    expect(value(store.chunk('a', uploadId, 0, b64('abcd'))).received).toBe(4);
  });

  it("keeps one staff member's file from another", () => {
    const store = memoryStore({ ms: START });
    const { uploadId } = value(store.begin('a', 'list.xlsx', 2));
    expect(code(store.chunk('b', uploadId, 0, b64('ab')))).toBe('ROSTER_UPLOAD_UNKNOWN');
    value(store.chunk('a', uploadId, 0, b64('ab')));
    expect(code(store.whole('b', uploadId))).toBe('ROSTER_UPLOAD_UNKNOWN');
    expect(code(store.whole('a', uploadId))).toBe('ok');
  });

  it('forgets a file after ten minutes, not before', () => {
    const clock = { ms: START };
    const store = memoryStore(clock);
    const { uploadId } = value(store.begin('a', 'list.xlsx', 2));
    clock.ms += 10 * 60_000;
    expect(value(store.chunk('a', uploadId, 0, b64('a'))).received).toBe(1);
    clock.ms += 1;
    expect(code(store.chunk('a', uploadId, 1, b64('b')))).toBe('ROSTER_UPLOAD_UNKNOWN');
  });

  it('lets the oldest go when more files come than it keeps', () => {
    const store = memoryStore({ ms: START }, { most: 2 });
    const first = value(store.begin('a', 'one.xlsx', 1)).uploadId;
    const second = value(store.begin('a', 'two.xlsx', 1)).uploadId;
    const third = value(store.begin('a', 'three.xlsx', 1)).uploadId;
    expect(code(store.chunk('a', first, 0, b64('1')))).toBe('ROSTER_UPLOAD_UNKNOWN');
    expect(code(store.chunk('a', second, 0, b64('2')))).toBe('ok');
    expect(code(store.chunk('a', third, 0, b64('3')))).toBe('ok');
  });

  it('lets go of a hold once, when the file is forgotten, pushed out or the store closes', () => {
    const drops: string[] = [];
    const hold = (id: string): UploadHold => ({ put: () => undefined, drop: () => drops.push(id) });
    const store = new UploadStore({ maxBytes: 16, chunkBytes: 4, most: 2, codes: CODES, hold }, () => START);
    const first = value(store.begin('a', 'one', 1)).uploadId;
    const second = value(store.begin('a', 'two', 1)).uploadId;
    store.forget(first);
    store.forget(first);
    expect(drops).toEqual([first]);
    const third = value(store.begin('a', 'three', 1)).uploadId;
    const fourth = value(store.begin('a', 'four', 1)).uploadId; // pushes out the second
    expect(drops).toEqual([first, second]);
    store.forgetAll();
    expect(drops).toEqual([first, second, third, fourth]);
  });

  it('keeps nothing when a hold cannot be made', () => {
    let made = 0;
    const store = new UploadStore(
      {
        maxBytes: 16,
        chunkBytes: 4,
        most: 2,
        codes: CODES,
        hold: (): UploadHold => {
          made += 1;
          if (made === 1) throw new Error('disk full');
          return { put: () => undefined, drop: () => undefined };
        },
      },
      () => START,
    );
    expect(() => store.begin('a', 'one', 1)).toThrow('disk full');
    expect(code(store.begin('a', 'two', 1))).toBe('ok');
  });
});

describe('diskHold', () => {
  it('writes the pieces into a folder of its own under the file name, and removes the folder when dropped', () => {
    const root = tempDataDir();
    const store = new UploadStore<DiskHold>(
      { maxBytes: 64, chunkBytes: 4, most: 2, codes: CODES, hold: (id, name) => diskHold(root, id, name, 'stick.esikpeer') },
      () => START,
    );
    const { uploadId } = value(store.begin('a', 'C:\\Users\\admin\\door.esikpeer', 6));
    value(store.chunk('a', uploadId, 0, b64('abcd')));
    value(store.chunk('a', uploadId, 4, b64('ef')));
    const { path } = value(store.whole('a', uploadId)).hold;
    expect(path).toBe(join(root, uploadId, 'door.esikpeer'));
    expect(readFileSync(path, 'utf8')).toBe('abcdef');
    store.forget(uploadId);
    expect(existsSync(join(root, uploadId))).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('starts with an empty file, so an empty stick is whole at once', () => {
    const root = tempDataDir();
    const hold = diskHold(root, 'u1', 'empty.esikpeer', 'stick.esikpeer');
    expect(readFileSync(hold.path).length).toBe(0);
  });
});

describe('uploadFileName', () => {
  it('keeps the bare name readable and takes out what a file system refuses', () => {
    expect(uploadFileName('/home/x/door.esikpeer', 'f')).toBe('door.esikpeer');
    expect(uploadFileName('C:\\a\\b:c?.esikpeer', 'f')).toBe('b-c-.esikpeer');
    expect(uploadFileName('a\u0000b', 'f')).toBe('a-b');
    expect(uploadFileName('x'.repeat(300), 'f')).toHaveLength(200);
  });

  it('falls back where nothing of the name is left', () => {
    for (const name of ['', '.', '..', 'C:\\a\\..']) expect(uploadFileName(name, 'stick.esikpeer')).toBe('stick.esikpeer');
  });
});
