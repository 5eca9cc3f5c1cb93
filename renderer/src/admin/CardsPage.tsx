// Printed QR cards for companions without a smartphone: choose them (search by name, Kazakh letters folded), print
// their cards as an A4 PDF; each card's code is signed by this kiosk.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/attendance.js';
import { nameMatches } from '../../../shared/staff/name-fold.js';
import { deliverExport } from './deliver-export.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

export function CardsPage({ call }: { call: AdminCall }) {
  const { t, i18n } = useTranslation();
  const loaded = useLoadedOnce(useCallback(() => call('adminQrCardHolders', {}), [call]));
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const language: Language = i18n.language === 'ru' ? 'ru' : 'kk';
  if (!loaded) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const shown = loaded.holders.filter((h) => nameMatches(query, h.firstName, h.lastName));

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const print = async () => {
    setBusy(true);
    const result = await call('adminPrintQrCards', { companionIds: [...chosen], language });
    setBusy(false);
    if (!result.ok) return setMessage({ text: t(`errors.${result.error.code}`), failed: true });
    setMessage(await deliverExport(call, result.value, t, i18n.language));
  };

  return (
    <div className="admin-page admin-today" data-testid="admin-cards">
      <p className="staff-hint">{t('admin.cards.hint')}</p>
      <div className="log-filters">
        <input className="staff-input admin-search" data-testid="cards-search" type="search" placeholder={t('admin.cards.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="admin-spacer" />
        <span>{t('admin.cards.chosen', { count: chosen.size })}</span>
        <button type="button" className="staff-primary" data-testid="cards-print" disabled={busy || chosen.size === 0} onClick={() => void print()}>
          {t('admin.cards.print')}
        </button>
      </div>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="cards-message">
          {message.text}
        </p>
      )}
      {loaded.holders.length === 0 ? (
        <p className="staff-hint">{t('admin.cards.none')}</p>
      ) : (
        <ul className="cards-holders">
          {shown.map((h) => (
            <li key={h.companionId}>
              <label className="cards-holder" data-testid="cards-holder">
                <input type="checkbox" checked={chosen.has(h.companionId)} onChange={() => toggle(h.companionId)} />
                <strong>
                  {h.firstName} {h.lastName}
                </strong>
                <span className="log-group">{h.children.join(', ')}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
