// A companion's cards: the number, active or blocked (when, why), where it stands with the city; "Block" asks for
// confirmation and a reason first. The buttons are off while the city manages the cards.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanionCard } from '../../../shared/admin/card-contract.js';
import { kioskLocalTime } from '../state/kiosk-zone.js';
import { dayText } from './dates.js';

interface Props {
  cards: readonly CompanionCard[];
  locked: boolean;
  busy: boolean;
  onRevoke: (card: CompanionCard, reason: string) => void;
}

/** "23.11.2026 08:10" from an ISO time with an offset, in the kiosk's own zone. */
function when(iso: string): string {
  const at = kioskLocalTime(new Date(iso));
  return `${dayText(at.localDate)} ${at.hhmm}`;
}

export function CompanionCardList({ cards, locked, busy, onRevoke }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (cards.length === 0) return <p className="staff-hint">{t('admin.companions.noCards')}</p>;

  return (
    <ul className="companion-cards">
      {cards.map((card) => {
        const number = card.number || t('admin.companions.kinds.qr');
        const status = card.revokedAt === null
          ? t('admin.companions.active')
          : card.revokeReason
            ? t('admin.companions.blockedBecause', { at: when(card.revokedAt), reason: card.revokeReason })
            : t('admin.companions.blocked', { at: when(card.revokedAt) });
        return (
          <li key={card.credentialId} className="companion-card" data-testid="companion-card" data-number={card.number} data-revoked={card.revokedAt !== null} data-sync={card.syncState}>
            <div className="companion-card-line">
              <strong className="companion-card-number">
                {t(`admin.companions.kinds.${card.kind}`)} {card.number}
              </strong>
              <span className={card.revokedAt === null ? 'companion-card-active' : 'companion-card-blocked'}>{status}</span>
              <span className="admin-spacer" />
              {card.revokedAt === null && asking !== card.credentialId && (
                <button type="button" className="staff-back" data-testid="card-revoke" disabled={locked || busy} onClick={() => {
                  setAsking(card.credentialId);
                  setReason('');
                }}>
                  {t('admin.companions.revoke')}
                </button>
              )}
            </div>
            <div className="log-group">
              {card.enrolledAt && `${t('admin.companions.enrolledHere', { at: when(card.enrolledAt) })} · `}
              <span data-testid="card-sync">{t(`admin.companions.sync.${card.syncState}`, { reason: card.rejectedReason ?? '' })}</span>
            </div>
            {asking === card.credentialId && (
              <div className="companion-card-confirm" data-testid="revoke-confirm-box">
                <p>{t('admin.companions.revokeQuestion', { number })}</p>
                <div className="staff-row">
                  <input className="staff-input" data-testid="revoke-reason" placeholder={t('admin.companions.revokeReason')} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
                  <button type="button" className="staff-primary" data-testid="revoke-confirm" disabled={busy} onClick={() => {
                    setAsking(null);
                    onRevoke(card, reason.trim());
                  }}>
                    {t('admin.companions.revokeConfirm')}
                  </button>
                  <button type="button" className="staff-back" onClick={() => setAsking(null)}>
                    {t('admin.companions.cancel')}
                  </button>
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
