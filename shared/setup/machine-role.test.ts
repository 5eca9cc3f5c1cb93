import { describe, expect, it } from 'vitest';
import { signInModeOn } from './machine-role.js';

describe('the sign-in mode on this computer', () => {
  it("reads the kindergarten's card-only as name-or-card on the office, and keeps it on a door", () => {
    expect(signInModeOn('office', 'card-only')).toBe('name-or-card');
    expect(signInModeOn('office', 'name-or-card')).toBe('name-or-card');
    expect(signInModeOn('door', 'card-only')).toBe('card-only');
    expect(signInModeOn('door', 'name-or-card')).toBe('name-or-card');
  });
});
