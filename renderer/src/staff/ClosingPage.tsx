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
  // Folded to one line until chosen, so some ten children fit a screen; the answers open under the name.
  const [open, setOpen] = useState(false);
  const resolve = async (outcome: { kind: 'left'; companionId?: string; companionName?: string } | { kind: 'still-here'; note: string }) => {
    if ((await call('staffResolveClosing', { childId: item.child.id, outcome })).ok) onResolved();
  };
  return (
    <li className="closing-row" data-testid="closing-child" data-child-id={item.child.id} data-open={open}>
      <button type="button" className="closing-head" data-testid="closing-open" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <strong>
          {item.child.firstName} {item.child.lastName} · {item.child.groupName}
        </strong>
        <ChildStateLabel child={item.child} />
        {item.stillHereNote && <span className="staff-hint">{t('staff.closing.noted', { note: item.stillHereNote })}</span>}
      </button>
      {open && <ClosingAnswers {...{ item, companion, setCompanion, note, setNote, resolve }} />}
    </li>
  );
}

interface AnswersProps {
  item: ClosingChild;
  companion: CompanionPick;
  setCompanion: (pick: CompanionPick) => void;
  note: string;
  setNote: (note: string) => void;
  resolve: (outcome: { kind: 'left'; companionId?: string; companionName?: string } | { kind: 'still-here'; note: string }) => Promise<void>;
}

function ClosingAnswers({ item, companion, setCompanion, note, setNote, resolve }: AnswersProps) {
  const { t } = useTranslation();
  return (
    <div className="closing-answers">
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
    </div>
  );
}
