import { describe, expect, it } from 'vitest';
import { DoorSettingsSchema, formatUsbId, parseUsbId } from './door-settings.js';

describe('door settings', () => {
  it('reads USB ids as lsusb prints them, with or without 0x', () => {
    expect(parseUsbId('ffff')).toBe(0xffff);
    expect(parseUsbId(' 0x0035 ')).toBe(0x35);
    expect(parseUsbId('35')).toBe(0x35);
    expect(formatUsbId(0x35)).toBe('0035');
  });

  it('refuses what is not a 16-bit hex id', () => {
    for (const bad of ['', 'g123', '12345', '-1', '0x']) expect(parseUsbId(bad)).toBeNull();
  });

  it('refuses the same reader twice', () => {
    const reader = { vendorId: 0xffff, productId: 0x35, name: 'Entrance' };
    const parsed = DoorSettingsSchema.safeParse({
      defaultLanguage: 'kk',
      sound: 'normal',
      cameraDeviceId: null,
      keyboardReader: { format: 'auto', displayFormat: 'canonical' },
      hidReaders: [reader, { ...reader, name: 'Second' }],
    });
    expect(parsed.success).toBe(false);
  });
});
