// Companions & cards: find a companion by name (Kazakh or Russian, "алихан" finds "Әлихан"), see the children they
// bring and their cards, enrol a card tapped on the reader, block one. Says who manages the cards and whether changes
// go to the city.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanionCard, CompanionSummary } from '../../../shared/admin/card-contract.js';
import { CompanionCardList } from './CompanionCardList.js';
import { EnrolCardPrompt } from './EnrolCardPrompt.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';
import './companions.css';

export function CompanionsPage({ call }: { call: AdminCall }) {
  const { t } = useTranslation();
  const info = useLoadedOnce(useCallback(() => call('adminCardsInfo', {}), [call]));
  const [query, setQuery] = useState('');
  // The last answer; it stays on screen while the next query's is on its way.
  const [answer, setAnswer] = useState<CompanionSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text === '') return;
    let current = true;
    void call('adminFindCompanions', { query: text }).then((result) => {
      if (current && result.ok) setAnswer(result.value.companions);
    });
    return () => {
      current = false;
    };
  }, [call, query]);

  const found = query.trim() === '' ? null : answer;
  const locked = info?.managedBy === 'city';
  return (
    <div className="admin-page admin-today" data-testid="admin-companions">
      {info && (
        <p className={locked ? 'companions-banner companions-banner-city' : 'companions-banner'} role="note" data-testid="companions-banner" data-managed-by={info.managedBy}>
          {locked ? t('admin.companions.managedByCity') : t(info.cityEnrolled ? 'admin.companions.sentToCity' : 'admin.companions.notEnrolled')}
        </p>
      )}
      <p className="staff-hint">{t('admin.companions.hint')}</p>
      <input
        className="staff-input admin-search"
        data-testid="companions-search"
        type="search"
        placeholder={t('admin.companions.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="companions-layout">
        <ul className="companions-found">
          {found?.length === 0 && <li className="staff-hint">{t('admin.companions.none')}</li>}
          {found?.map((c) => (
            <li key={c.id}>
              <button type="button" className="companions-found-item" aria-pressed={chosen === c.id} data-testid="companion-result" onClick={() => setChosen(c.id)}>
                <strong>
                  {c.firstName} {c.lastName}
                </strong>{' '}
                <span className="log-group">
                  {t(`admin.companions.relations.${c.relation}`)} · {c.children.map((child) => child.firstName).join(', ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {chosen && <CompanionPanel key={chosen} call={call} companionId={chosen} locked={locked} />}
      </div>
    </div>
  );
}

function CompanionPanel({ call, companionId, locked }: { call: AdminCall; companionId: string; locked: boolean }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const loaded = useLoadedOnce(useCallback(() => call('adminCompanionCards', { companionId }), [call, companionId]), version);
  const [enrolling, setEnrolling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  if (!loaded) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  const { companion, cards } = loaded;
  const name = `${companion.firstName} ${companion.lastName}`;

  const revoke = async (card: CompanionCard, reason: string) => {
    setBusy(true);
    const result = await call('adminRevokeCard', { credentialId: card.credentialId, ...(reason === '' ? {} : { reason }) });
    setBusy(false);
    setMessage(result.ok ? { text: t('admin.companions.revoked', { number: card.number }), failed: false } : { text: t(`errors.${result.error.code}`), failed: true });
    setVersion((v) => v + 1);
  };

  return (
    <section className="companion-panel" data-testid="companion-panel" data-companion={companion.id}>
      <h2>
        {name} <span className="log-group">{t(`admin.companions.relations.${companion.relation}`)}</span>
      </h2>
      <h3>{t('admin.companions.children')}</h3>
      {companion.children.length === 0 ? (
        <p className="staff-hint">{t('admin.companions.noChildren')}</p>
      ) : (
        <ul className="companion-children" data-testid="companion-children">
          {companion.children.map((child) => (
            <li key={child.id}>
              {child.firstName} {child.lastName} <span className="log-group">{child.groupName}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="staff-row">
        <h3>{t('admin.companions.cards')}</h3>
        <span className="admin-spacer" />
        <button type="button" className="staff-primary" data-testid="card-enrol" disabled={locked || enrolling} onClick={() => {
          setMessage(null);
          setEnrolling(true);
        }}>
          {t('admin.companions.enrol')}
        </button>
      </div>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="companion-message">
          {message.text}
        </p>
      )}
      <CompanionCardList cards={cards} locked={locked} busy={busy} onRevoke={(card, reason) => void revoke(card, reason)} />
      {enrolling && (
        <EnrolCardPrompt
          call={call}
          companionId={companion.id}
          companionName={name}
          onCancel={() => setEnrolling(false)}
          onEnrolled={({ card }) => {
            setEnrolling(false);
            setMessage({ text: t('admin.companions.enrolled', { number: card.number, name }), failed: false });
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}
