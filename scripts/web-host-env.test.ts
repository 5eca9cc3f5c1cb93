import { describe, expect, it } from 'vitest';
import { webHostEnv } from './web-host-env.mjs';

describe('the web host environment', () => {
  it('caps glibc arenas at two on Linux', () => {
    expect(webHostEnv('linux', {})).toEqual({ MALLOC_ARENA_MAX: '2' });
  });

  it('keeps a value the admin set, and sets nothing where glibc is not the allocator', () => {
    expect(webHostEnv('linux', { MALLOC_ARENA_MAX: '4' })).toEqual({});
    expect(webHostEnv('win32', {})).toEqual({});
    expect(webHostEnv('darwin', {})).toEqual({});
  });

});
