import { describe, expect, it } from 'vitest';
import { playSound } from './sounds.js';

describe('playSound', () => {
  it('does nothing, and does not throw, where there is no WebAudio', () => {
    expect(() => {
      playSound('arrival');
    }).not.toThrow();
    expect(() => {
      playSound('error');
    }).not.toThrow();
  });
});
