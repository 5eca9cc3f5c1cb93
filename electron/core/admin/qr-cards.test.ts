import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyQr } from '../credentials/qr-verifier.js';
import { adminKit, value } from './testing/admin-kit.js';

describe('printed QR cards', () => {
  it('lists the companions who hold a QR credential, with the children it opens the door for', async () => {
    const kit = adminKit();
    expect(value(kit.call('adminQrCardHolders', { sessionId: await kit.signIn() }))).toEqual({
      holders: [{ companionId: 'nurlan', firstName: 'Нұрлан', lastName: 'Нұрланов', children: ['Ерасыл (Балапан)', 'Інжу (Жұлдыз)'], credentials: 1 }],
    });
  });

  it('prints cards whose codes the door accepts: signed by this kiosk for the roster credential', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    const file = value(await kit.call('adminPrintQrCards', { sessionId, companionIds: ['nurlan'], language: 'kk' }));
    expect(file.fileName).toMatch(/^qr-cards-kk-\d{8}-\d{6}-[0-9a-f]{4}\.pdf$/);
    // The names wrap on the narrow card: compare the words, not the lines.
    const text = execFileSync('pdftotext', [file.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Айгөлек');
    expect(text).toContain('Нұрлан Нұрланов');
    expect(text).toContain('Ерасыл (Балапан), Інжу (Жұлдыз)');
    expect(text).toContain('Бұл картаны есік алдындағы камераға көрсетіңіз');

    // Printed and scanned back: the page as an image, read by zbar, checked as the door checks a code.
    const png = join(kit.dataDir, 'card');
    execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file.path, png]);
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    expect(decoded).toMatch(/^ESK1:[A-Z2-7]+$/);
    const verdict = verifyQr(decoded, kit.clock.now(), {
      kindergartenId: 'kg1',
      findKey: (id) => kit.keys.find(id),
      findCredential: (id) => kit.roster.credential('qr', id),
    });
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.payload).toMatchObject({ companionId: 'nurlan', credentialId: 'cq002', variant: 'card', lifetimeSeconds: null });

    const audit = kit.db.prepare<[], { action: string; detail: string }>('SELECT action, detail FROM admin_audit').all();
    expect(audit.map((a) => a.action)).toEqual(['qr-cards-printed']);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ cards: [{ companionId: 'nurlan', credentialId: 'cq002', version: 1 }] });
  });

  it('refuses a companion without a QR credential, or unknown', async () => {
    const kit = adminKit();
    const sessionId = await kit.signIn();
    for (const companionIds of [['elena'], ['nobody'], ['nurlan', 'elena']]) {
      const result = await kit.call('adminPrintQrCards', { sessionId, companionIds, language: 'ru' });
      expect(result.ok ? 'ok' : result.error.code, companionIds.join()).toBe('INVALID_REQUEST');
    }
    expect(kit.db.prepare('SELECT count(*) AS n FROM admin_audit').get()).toEqual({ n: 0 });
  });
});
