import { describe, expect, it } from 'vitest';
import { parseLogLine } from './log-line.js';

describe('parseLogLine', () => {
  it('takes the component from the prefix and the level from the words used for trouble', () => {
    expect(parseLogLine('[sync] roster full: 3 upserted')).toEqual({ component: 'sync', level: 'info', msg: 'roster full: 3 upserted' });
    expect(parseLogLine('[core] DATABASE DAMAGED: page 3')).toEqual({ component: 'core', level: 'error', msg: 'DATABASE DAMAGED: page 3' });
    expect(parseLogLine('[sync] worker failed: boom')).toMatchObject({ level: 'error' });
    expect(parseLogLine('[web] refused WebSocket: bad origin')).toMatchObject({ component: 'web', level: 'warn' });
    expect(parseLogLine('no prefix here')).toEqual({ component: null, level: 'info', msg: 'no prefix here' });
  });
});
