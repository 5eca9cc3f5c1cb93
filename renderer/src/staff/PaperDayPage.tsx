// A day the kiosk was down (issue 16 §7), for admins: choose a past day and a group, the day's roll comes with
// everyone ticked, untick the absent, save. The core decides everything (which days, who is on the roll, the merge
// with what the door recorded, a second save writing nothing); this page shows its answer in the admin's language.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/admin/work-calendar.js';
import { paperDayTexts } from '../../../shared/i18n/staff/paper-day-catalogs.js';
import { DateField } from '../components/DateField.js';
import { paperDate } from '../../../shared/i18n/staff/paper-day-en.js';
import type { PaperDayRoll, PaperDaySaveOutcome } from '../../../shared/staff/paper-day-contract.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

interface Props {
  call: StaffCall;
  today: string;
  onDone: (message: string) => void;
}

type Open = Extract<PaperDayRoll, { state: 'open' }>;

export function PaperDayPage({ call, today, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const x = paperDayTexts(i18n.language);
  const loadGroups = useCallback(() => call('staffGroups', {}), [call]);
  const groups = useLoaded(loadGroups).value?.groups ?? [];
  const [date, setDate] = useState(addDays(today, -1));
  const [groupId, setGroupId] = useState('');
  const [roll, setRoll] = useState<PaperDayRoll | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [answer, setAnswer] = useState<string | null>(null);
  const chosenGroup = groupId || groups[0]?.id || '';

  const show = async () => {
    setAnswer(null);
    const result = await call('staffPaperDay', { groupId: chosenGroup, date });
    if (!result.ok) return setAnswer(t(`errors.${result.error.code}`));
    setRoll(result.value);
    // Everyone present, as the paper list starts; a child with an absence on record starts unticked.
    if (result.value.state === 'open') setTicked(new Set(result.value.children.filter((c) => c.recorded || c.absence === null).map((c) => c.id)));
  };

  const toggle = (id: string) =>
    setTicked((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const save = async (open: Open) => {
    const result = await call('staffSavePaperDay', { groupId: open.groupId, date: open.date, present: [...ticked] });
    if (!result.ok) return setAnswer(t(`errors.${result.error.code}`));
    const outcome: PaperDaySaveOutcome = result.value;
    if (outcome.outcome === 'saved') return onDone(x.saved(open.groupName, paperDate(open.date), outcome.added));
    if (outcome.outcome === 'already-entered') return setRoll({ state: 'entered', date: open.date, groupId: open.groupId, groupName: open.groupName, entry: outcome.entry });
    setAnswer(outcome.names.length > 0 ? `${x.refusals[outcome.why]} ${outcome.names.join(', ')}` : x.refusals[outcome.why]);
  };

  return (
    <section className="staff-form paper-day" data-testid="paper-day">
      <p className="staff-hint">{x.intro}</p>
      <div className="staff-row">
        <label className="staff-field">
          {x.date}
          {/* No bounds here: a day that is not past, or too old, is refused by the core with the reason in words. */}
          <DateField
            testId="paper-day-date"
            value={date}
            onChange={(day) => {
              setDate(day);
              setRoll(null);
            }}
          />
        </label>
        <label className="staff-field">
          {x.group}
          <select
            data-testid="paper-day-group"
            value={chosenGroup}
            onChange={(e) => {
              setGroupId(e.target.value);
              setRoll(null);
            }}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="staff-action" data-testid="paper-day-show" disabled={date === '' || chosenGroup === ''} onClick={() => void show()}>
          {x.show}
        </button>
      </div>
      {roll?.state === 'refused' && (
        <p className="staff-refusal" role="alert" data-testid="paper-day-refused" data-why={roll.why}>
          {x.refusals[roll.why]}
        </p>
      )}
      {roll?.state === 'entered' && (
        <p className="staff-saved" role="status" data-testid="paper-day-entered">
          {x.entered(roll.entry.enteredBy, paperDate(roll.entry.enteredAt.slice(0, 10)), roll.entry.enteredAt.slice(11, 16))}{' '}
          {x.counts(roll.entry.present, roll.entry.absent)}
        </p>
      )}
      {roll?.state === 'open' && (
        <>
          <h2 className="staff-child-title">
            {roll.groupName} · {paperDate(roll.date)} · {x.reason}
          </h2>
          <ul className="paper-day-roll" data-testid="paper-day-roll">
            {roll.children.map((c) => (
              <li key={c.id}>
                <label className="paper-day-child" data-testid="paper-day-child" data-child-id={c.id}>
                  <input type="checkbox" checked={ticked.has(c.id)} disabled={c.recorded} onChange={() => toggle(c.id)} />
                  <span>
                    {c.lastName} {c.firstName}
                  </span>
                  {c.recorded && <span className="staff-hint"> · {x.recorded}</span>}
                  {c.absence !== null && !c.recorded && <span className="staff-hint"> · {x.absence(t(`staff.absence.reasons.${c.absence}`))}</span>}
                </label>
              </li>
            ))}
          </ul>
          <p data-testid="paper-day-counts">{x.counts(roll.children.filter((c) => ticked.has(c.id)).length, roll.children.filter((c) => !ticked.has(c.id)).length)}</p>
          <button type="button" className="staff-primary" data-testid="paper-day-save" onClick={() => void save(roll)}>
            {x.save}
          </button>
        </>
      )}
      {answer && (
        <p className="staff-refusal" role="alert" data-testid="paper-day-answer">
          {answer}
        </p>
      )}
    </section>
  );
}
