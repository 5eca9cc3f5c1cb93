import { describe, expect, it } from 'vitest';
import { anonymousByMapping, movedMappings, readStatusKib } from './camera-soak-trace.js';

const SMAPS = [
  '55d0c0000000-55d0c2000000 rw-p 00000000 00:00 0                          [heap]',
  'Rss:                8192 kB',
  'Anonymous:          8000 kB',
  '7f3e70000000-7f3e74000000 rw-p 00000000 00:00 0 ',
  'Rss:                2048 kB',
  'Anonymous:          2048 kB',
  '7f3e80000000-7f3e80100000 r--p 00000000 fd:01 1234                       /usr/lib/libsqlite3.so',
  'Rss:                 512 kB',
  'Anonymous:             0 kB',
  '7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]',
  'Anonymous:           132 kB',
].join('\n');

describe('the camera soak memory trace', () => {
  it('reads the split of resident memory from /proc status', () => {
    const status = 'Name:\tnode\nVmRSS:\t  177476 kB\nRssAnon:\t  121576 kB\nRssFile:\t   55900 kB\nRssShmem:\t       0 kB\nThreads:\t13\n';
    expect(readStatusKib(status)).toEqual({ VmRSS: 177476, RssAnon: 121576, RssFile: 55900, RssShmem: 0 });
    expect(readStatusKib('Name:\tnode\n').VmRSS).toBeNaN();
  });

  it('keys each mapping with anonymous pages by its start and name, leaving out those with none', () => {
    expect([...anonymousByMapping(SMAPS)]).toEqual([
      ['55d0c0000000 [heap]', 8000],
      ['7f3e70000000', 2048],
      ['7ffd00000000 [stack]', 132],
    ]);
  });

  it('lists the mappings that moved by 32 KiB or more, new and gone ones included', () => {
    const before = new Map([
      ['a [heap]', 8000],
      ['b', 2048],
      ['c', 100],
    ]);
    const after = new Map([
      ['a [heap]', 8031],
      ['b', 1024],
      ['d', 64],
    ]);
    expect(movedMappings(before, after)).toEqual({ b: -1024, c: -100, d: 64 });
  });
});
