// Keeps docs/qr-credential-format.md honest: its worked examples must still decode and verify as it says.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeQrText } from '../../../shared/credentials/qr-text.js';
import { demoCitySigner } from '../demo/demo-city-key.js';
import { mintDemoQr } from '../demo/demo-qr.js';
import { rawPublicKey } from './ed25519.js';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/qr-credential-format.md', import.meta.url)), 'utf8');
const ISSUED = new Date('2026-11-23T03:10:00.000Z');

describe('docs/qr-credential-format.md', () => {
  const examples = [...doc.matchAll(/^ESK1:[A-Z2-7]+$/gm)].map((m) => m[0]);

  it('shows the codes this build mints for Елена\'s card and Нұрлан\'s phone, byte for byte', () => {
    expect(examples).toEqual([mintDemoQr('valid', ISSUED), mintDemoQr('phone', ISSUED)]);
  });

  it('names the demo city key and the bytes it describes', () => {
    expect(doc).toContain(Buffer.from(rawPublicKey(demoCitySigner().privateKey)).toString('hex'));
    const card = decodeQrText(examples[0] ?? '');
    if (!card.ok) throw new Error(card.reason);
    expect(doc).toContain(`Full signature: \`${Buffer.from(card.value.signature).toString('hex')}\``);
    expect(card.value.payload).toMatchObject({ variant: 'card', companionId: 'cp0002', credentialId: 'cq001', lifetimeSeconds: null, issuedAt: 1_795_403_400 });
  });
});
