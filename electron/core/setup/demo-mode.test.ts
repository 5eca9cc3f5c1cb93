import { describe, expect, it } from 'vitest';
import { startsAsDemo } from './demo-mode.js';

const ask = (over: Partial<Parameters<typeof startsAsDemo>[0]>) => startsAsDemo({ packaged: false, demoFlag: false, noDemoFlag: false, env: undefined, ...over });

describe('startsAsDemo', () => {
  it('an installed build is never the demo by itself, whatever the environment says', () => {
    expect(ask({ packaged: true })).toBe(false);
    expect(ask({ packaged: true, env: '1' })).toBe(false);
    expect(ask({ packaged: true, env: '' })).toBe(false);
  });

  it('an installed build is the demo only with --demo, and --no-demo wins over it', () => {
    expect(ask({ packaged: true, demoFlag: true })).toBe(true);
    expect(ask({ packaged: true, demoFlag: true, noDemoFlag: true })).toBe(false);
  });

  it('run from the sources (npm start, the web host) it is the demo unless --no-demo or ESIK_DEMO=0', () => {
    expect(ask({})).toBe(true);
    expect(ask({ env: '1' })).toBe(true);
    expect(ask({ noDemoFlag: true })).toBe(false);
    expect(ask({ env: '0' })).toBe(false);
    expect(ask({ env: '0', demoFlag: true })).toBe(true);
  });
});
