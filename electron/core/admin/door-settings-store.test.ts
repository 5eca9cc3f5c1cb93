import { describe, expect, it } from 'vitest';
import { adminRequests } from '../../../shared/admin/admin-contract.js';
import { adminKit, value } from './testing/admin-kit.js';

const reader = { vendorId: 0xffff, productId: 0x0035, name: 'Кіреберіс' };

describe("the door's settings in the console", () => {
  it('starts from the defaults: Kazakh, normal sound, no HID readers', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    expect(value(kit.call('adminDoorSettings', { sessionId }))).toEqual({
      defaultLanguage: 'kk',
      sound: 'normal',
      cameraDeviceId: null,
      keyboardReader: { format: 'auto', displayFormat: 'canonical' },
      hidReaders: [],
    });
  });

  it('writes a change with its audit row and tells the core which settings changed', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const after = value(kit.call('adminSetDoorSettings', { sessionId, change: { defaultLanguage: 'ru', sound: 'normal', hidReaders: [reader] } }));
    // The reader's omitted fields take their defaults; the unchanged sound is not on record.
    expect(after.hidReaders).toEqual([{ ...reader, report: 'keyboard', reportId: null, format: 'auto', displayFormat: 'canonical' }]);
    expect(kit.doorChanges).toHaveLength(1);
    expect(kit.doorChanges[0]?.changed).toEqual(['defaultLanguage', 'hidReaders']);
    const audit = kit.db.prepare<[], { action: string; detail: string }>('SELECT action, detail FROM admin_audit').all();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('settings-changed');
    expect(Object.keys(JSON.parse(audit[0]?.detail ?? '{}') as object)).toEqual(['defaultLanguage', 'hidReaders']);
    // Read back as the door reads it.
    expect(value(kit.call('adminDoorSettings', { sessionId })).defaultLanguage).toBe('ru');
  });

  it('writes nothing and tells no one when nothing differs', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    value(kit.call('adminSetDoorSettings', { sessionId, change: { sound: 'normal', keyboardReader: { format: 'auto', displayFormat: 'canonical' } } }));
    expect(kit.doorChanges).toHaveLength(0);
    expect(kit.db.prepare('SELECT count(*) FROM admin_audit').pluck().get()).toBe(0);
  });

  it('refuses malformed readers and unknown settings at the edge', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    for (const change of [{ hidReaders: [{ ...reader, vendorId: 0x10000 }] }, { hidReaders: [reader, reader] }, { sound: 'max' }, { defaultLanguage: 'de' }, { language: 'ru' }]) {
      expect(adminRequests.adminSetDoorSettings.args.safeParse({ sessionId, change }).success, JSON.stringify(change)).toBe(false);
    }
  });
});
