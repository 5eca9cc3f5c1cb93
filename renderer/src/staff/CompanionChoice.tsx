// Who came with the child: one of the child's companions the roster lets bring (arrival) or collect (departure) them,
// or a name typed for someone else.
import { useTranslation } from 'react-i18next';
import type { EventKind } from '../../../shared/domain/attendance.js';
import type { ChildCompanion } from '../../../shared/staff/staff-contract.js';

export type CompanionPick = { kind: 'none' } | { kind: 'roster'; id: string } | { kind: 'other'; name: string };

/** The companions the roster lets do this: a nanny who may only bring a child is never offered as collecting them. */
export function companionsFor(companions: readonly ChildCompanion[], kind: EventKind): ChildCompanion[] {
  return companions.filter((c) => (kind === 'arrival' ? c.mayBring : c.mayCollect));
}

interface Props {
  /** Already narrowed by companionsFor. */
  companions: readonly ChildCompanion[];
  value: CompanionPick;
  onChange: (pick: CompanionPick) => void;
}

export function CompanionChoice({ companions, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="staff-choices" role="group">
      {companions.map((c) => (
        <button
          key={c.id}
          type="button"
          className="staff-choice"
          data-testid="companion-choice"
          aria-pressed={value.kind === 'roster' && value.id === c.id}
          onClick={() => onChange(value.kind === 'roster' && value.id === c.id ? { kind: 'none' } : { kind: 'roster', id: c.id })}
        >
          {c.firstName} {c.lastName}
        </button>
      ))}
      <input
        className="staff-input"
        data-testid="companion-name"
        placeholder={t('staff.override.someoneElse')}
        maxLength={80}
        value={value.kind === 'other' ? value.name : ''}
        onChange={(e) => onChange(e.target.value.trim() === '' ? { kind: 'none' } : { kind: 'other', name: e.target.value })}
      />
    </div>
  );
}

/** The request fields for a pick. */
export function companionFields(pick: CompanionPick): { companionId?: string; companionName?: string } {
  if (pick.kind === 'roster') return { companionId: pick.id };
  if (pick.kind === 'other') return { companionName: pick.name.trim() };
  return {};
}
