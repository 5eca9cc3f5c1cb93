// Printed QR cards for companions without a smartphone: the roster's QR credentials (a grandmother's card), each
// signed with this kiosk's own key (trusted by the kiosk like the city's, credentials/kiosk-key.ts), drawn ten to an
// A4 page. A code names the credential and its version: re-issuing a lost card in the roster retires the old one.
import type { Database } from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { QrCardHolder } from '../../../shared/admin/admin-contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { catalogs } from '../../../shared/i18n/catalogs.js';
import { printedCardQr, type QrSigner } from '../credentials/qr-issuer.js';
import type { AdminAudit } from '../ledger/admin-audit.js';
import { exportStamp, writeExport, type ExportedFile } from './export/exports-dir.js';
import { qrCardsPdf, type PrintedCard } from './export/qr-cards-pdf.js';
import { fillText as fill } from '../../../shared/i18n/fill-text.js';

export interface QrCardsDeps {
  db: Database;
  audit: AdminAudit;
  dataDir: string;
  /** This kiosk's signing key, or null when its key file cannot be read. */
  signer: () => QrSigner | null;
  kindergarten: () => { id: string; name: string } | null;
}

const ACTIVE_QR = `cr.kind = 'qr' AND cr.revoked_at IS NULL`;

export class QrCards {
  constructor(private readonly deps: QrCardsDeps) {}

  holders(): QrCardHolder[] {
    return this.deps.db
      .prepare<[], { id: string; first_name: string; last_name: string; credentials: number }>(
        `SELECT p.id, p.first_name, p.last_name, count(*) AS credentials
           FROM companions p JOIN credentials cr ON cr.companion_id = p.id AND ${ACTIVE_QR}
          GROUP BY p.id ORDER BY p.last_name, p.first_name, p.id`,
      )
      .all()
      .map((p) => ({ companionId: p.id, firstName: p.first_name, lastName: p.last_name, children: this.childrenOf(p.id), credentials: p.credentials }));
  }

  async print(staffId: string, companionIds: readonly string[], language: Language, at: LocalTime): Promise<Result<ExportedFile>> {
    const signer = this.deps.signer();
    const kindergarten = this.deps.kindergarten();
    if (!signer) return fail('INTERNAL', "this kiosk's QR signing key cannot be read");
    if (!kindergarten) return fail('INVALID_REQUEST', 'the kiosk has no kindergarten yet');
    const cards: PrintedCard[] = [];
    const printed: { companionId: string; credentialId: string; version: number }[] = [];
    for (const companionId of new Set(companionIds)) {
      const companion = this.deps.db.prepare<[string], { first_name: string; last_name: string }>('SELECT first_name, last_name FROM companions WHERE id = ?').get(companionId);
      if (!companion) return fail('INVALID_REQUEST', `no companion ${companionId}`);
      const credentials = this.deps.db
        .prepare<[string], { value: string; version: number }>(`SELECT cr.value, cr.version FROM credentials cr WHERE cr.companion_id = ? AND ${ACTIVE_QR} ORDER BY cr.value`)
        .all(companionId);
      if (credentials.length === 0) return fail('INVALID_REQUEST', `companion ${companionId} holds no QR credential`);
      for (const credential of credentials) {
        const holder = { kindergartenId: kindergarten.id, companionId, credentialId: credential.value, credentialVersion: credential.version };
        cards.push({
          kindergartenName: kindergarten.name,
          companionName: `${companion.first_name} ${companion.last_name}`,
          children: this.childrenOf(companionId),
          code: printedCardQr(holder, signer, new Date(at.ms)),
        });
        printed.push({ companionId, credentialId: credential.value, version: credential.version });
      }
    }
    const t = catalogs[language].admin.cards;
    const issued = `${at.localDate.slice(8, 10)}.${at.localDate.slice(5, 7)}.${at.localDate.slice(0, 4)}`;
    const body = await qrCardsPdf(cards, { title: t.title, children: t.children, hint: t.cardHint, issued: fill(t.issued, { date: issued }) });
    const file = writeExport(this.deps.dataDir, `qr-cards-${language}-${exportStamp(at)}.pdf`, body);
    this.deps.audit.record('qr-cards-printed', staffId, at, { cards: printed, keyId: signer.keyId, fileName: file.fileName });
    return ok(file);
  }

  /** "Әлихан (Балапан)" for each child the companion may bring or collect. */
  private childrenOf(companionId: string): string[] {
    return this.deps.db
      .prepare<[string], { first_name: string; group_name: string }>(
        `SELECT c.first_name, g.name AS group_name FROM companion_children l
           JOIN children c ON c.id = l.child_id AND c.active = 1 JOIN groups g ON g.id = c.group_id
          WHERE l.companion_id = ? AND l.blocked = 0 ORDER BY g.sort_order, c.first_name`,
      )
      .all(companionId)
      .map((c) => `${c.first_name} (${c.group_name})`);
  }
}
