import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from './camera-problem.js';

describe('cameraProblemOf', () => {
  it('reads rejections given as strings', () => {
    expect(cameraProblemOf('Error getting userMedia, error = NotAllowedError: Permission denied')).toBe('permissionDenied');
    expect(cameraProblemOf('Error getting userMedia, error = NotFoundError: Requested device not found')).toBe('noCamera');
    expect(cameraProblemOf('Error getting userMedia, error = NotReadableError: Could not start video source')).toBe('noCamera');
    expect(cameraProblemOf('navigator.mediaDevices not supported')).toBe('noCamera');
  });

  it('reads thrown DOMException-like errors', () => {
    const denied = new Error('Permission dismissed');
    denied.name = 'NotAllowedError';
    expect(cameraProblemOf(denied)).toBe('permissionDenied');
    expect(cameraProblemOf(new Error('boom'))).toBe('noCamera');
  });
});
