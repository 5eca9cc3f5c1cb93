// Closing time: every child still checked in, each resolved by staff — left (with whom: a departure recorded in
// their name) or still here (with a note). Nothing is cleared silently.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosingChild } from '../../../shared/staff/staff-contract.js';
import { ChildStateLabel } from './ChildStateLabel.js';
import { CompanionChoice, companionFields, companionsFor, type CompanionPick } from './CompanionChoice.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

export function ClosingPage({ call }: { call: StaffCall }) {
  const { t } = useTranslation();
  const { value: closing, reload } = useLoaded(useCallback(() => call('staffClosing', {}), [call]));

  if (closing === null) return null;
  return (
    <section className="staff-form" data-testid="closing-page">
      <p className="staff-hint">{closing.passed ? t('staff.closing.passed', { time: closing.closingTime }) : t('staff.closing.notYet', { time: closing.closingTime })}</p>
      {closing.children.length === 0 && <p className="staff-hint">{t('staff.closing.nobody')}</p>}
      <ul className="closing-list">
        {closing.children.map((c) => (
          <ClosingRow key={c.child.id} call={call} item={c} onResolved={reload} />
        ))}
      </ul>
    </section>
  );
}

function ClosingRow({ call, item, onResolved }: { call: StaffCall; item: ClosingChild; onResolved: () => void }) {
  const { t } = useTranslation();
  const [companion, setCompanion] = useState<CompanionPick>({ kind: 'none' });
  const [note, setNote] = useState('');
  const resolve = async (outcome: { kind: 'left'; companionId?: string; companionName?: string } | { kind: 'still-here'; note: string }) => {
    if ((await call('staffResolveClosing', { childId: item.child.id, outcome })).ok) onResolved();
  };
  return (
    <li className="closing-row" data-testid="closing-child" data-child-id={item.child.id}>
      <h3>
        {item.child.firstName} {item.child.lastName} · {item.child.groupName}
      </h3>
      <ChildStateLabel child={item.child} />
      {item.stillHereNote && <p className="staff-hint">{t('staff.closing.noted', { note: item.stillHereNote })}</p>}
      <p>{t('staff.closing.leftWith')}</p>
      <CompanionChoice companions={companionsFor(item.companions, 'departure')} value={companion} onChange={setCompanion} />
      <div className="staff-row">
        <button
          type="button"
          className="staff-primary"
          data-testid="closing-left"
          disabled={companion.kind === 'none'}
          onClick={() => void resolve({ kind: 'left', ...companionFields(companion) })}
        >
          {t('staff.override.departure')}
        </button>
        <input className="staff-input" data-testid="closing-note" placeholder={t('staff.closing.stillHereNote')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="staff-action" data-testid="closing-still-here" disabled={note.trim() === ''} onClick={() => void resolve({ kind: 'still-here', note: note.trim() })}>
          {t('staff.closing.stillHere')}
        </button>
      </div>
    </li>
  );
}
