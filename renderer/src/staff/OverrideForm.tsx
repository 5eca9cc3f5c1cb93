// An override for one child: arrival or departure (defaulted from today's state), the reason, optionally who came.
// Recorded in the signed-in staff member's name.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../../shared/domain/attendance.js';
import type { ChildDetail, StaffChild } from '../../../shared/staff/staff-contract.js';
import { doorOverrideReasons, type DoorOverrideReason } from '../../../shared/staff/staff-domain.js';
import { ChildStateLabel } from './ChildStateLabel.js';
import { CompanionChoice, companionFields, companionsFor, type CompanionPick } from './CompanionChoice.js';
import type { StaffCall } from './use-staff-call.js';

interface Props {
  call: StaffCall;
  child: StaffChild;
  onDone: (message: string) => void;
}

export function OverrideForm({ call, child, onDone }: Props) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<ChildDetail | null>(null);
  const [kind, setKind] = useState<EventKind | null>(null);
  const [reason, setReason] = useState<DoorOverrideReason | null>(null);
  const [note, setNote] = useState('');
  const [companion, setCompanion] = useState<CompanionPick>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void call('staffChildDetail', { childId: child.id }).then((result) => {
      if (!current || !result.ok) return;
      setDetail(result.value);
      setKind(result.value.nextAction);
    });
    return () => {
      current = false;
    };
  }, [call, child.id]);

  // A companion picked for one kind may not be allowed for the other: the pick is dropped, never sent.
  const chooseKind = (next: EventKind) => {
    setKind(next);
    if (companion.kind === 'roster' && !companionsFor(detail?.companions ?? [], next).some((c) => c.id === companion.id)) setCompanion({ kind: 'none' });
  };

  const ready = kind !== null && reason !== null && (reason !== 'other' || note.trim() !== '') && !busy;
  const save = async () => {
    if (!ready) return;
    setBusy(true);
    const result = await call('staffOverride', {
      childId: child.id,
      kind,
      reason,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
      ...companionFields(companion),
    });
    setBusy(false);
    if (result.ok) onDone(t('staff.override.saved', { name: result.value.childFirstName, time: result.value.at }));
    else setError(t(`errors.${result.error.code}`));
  };

  const shown = detail?.child ?? child;
  return (
    <section className="staff-form" data-testid="override-form">
      <h2 className="staff-child-title">
        {shown.firstName} {shown.lastName} · {shown.groupName}
      </h2>
      <ChildStateLabel child={shown} />
      <h3>{t('staff.override.action')}</h3>
      <div className="staff-choices" role="group">
        {(['arrival', 'departure'] as const).map((k) => (
          <button key={k} type="button" className={`staff-choice kind-${k}`} data-testid={`override-kind-${k}`} aria-pressed={kind === k} onClick={() => chooseKind(k)}>
            {t(`staff.override.${k}`)}
          </button>
        ))}
      </div>
      <h3>{t('staff.override.reason')}</h3>
      <div className="staff-choices" role="group">
        {doorOverrideReasons.map((r) => (
          <button key={r} type="button" className="staff-choice" data-testid={`override-reason-${r}`} aria-pressed={reason === r} onClick={() => setReason(r)}>
            {t(`staff.override.reasons.${r}`)}
          </button>
        ))}
      </div>
      {reason === 'other' && (
        <input className="staff-input" data-testid="override-note" placeholder={t('staff.override.note')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      )}
      <h3>{t('staff.override.companion')}</h3>
      <CompanionChoice companions={kind === null ? [] : companionsFor(detail?.companions ?? [], kind)} value={companion} onChange={setCompanion} />
      {error && (
        <p className="staff-refusal" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="staff-primary" data-testid="override-save" disabled={!ready} onClick={() => void save()}>
        {t('staff.override.save')}
      </button>
    </section>
  );
}
