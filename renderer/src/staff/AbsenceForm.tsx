// An absence for one child: the reason (sick with the certificate when there is one, vacation, sanatorium, family
// reasons — the unexcused one — or other), a day or a range; the holiday and unexcused counters are in view, and a
// holiday that would exceed its season's allowance is flagged before it is recorded (the core decides: staffHolidayCheck).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestValue } from '../../../shared/api/contract.js';
import type { ChildDetail, StaffChild } from '../../../shared/staff/staff-contract.js';
import { AbsenceReasonSchema, type AbsenceReason } from '../../../shared/staff/staff-domain.js';
import { formatDay } from '../../../shared/text/date-format.js';
import { WarningIcon } from '../components/icons.js';
import { ChildStateLabel } from './ChildStateLabel.js';
import type { StaffCall } from './use-staff-call.js';
import { DateField } from '../components/DateField.js';

interface Props {
  call: StaffCall;
  child: StaffChild;
  today: string;
  onDone: (message: string) => void;
}

export function AbsenceForm({ call, child, today, onDone }: Props) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<ChildDetail | null>(null);
  const [reason, setReason] = useState<AbsenceReason | null>(null);
  const [firstDate, setFirstDate] = useState(today);
  const [lastDate, setLastDate] = useState(today);
  const [certificateNumber, setCertificateNumber] = useState('');
  const [certificateDate, setCertificateDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [holidayCheck, setHolidayCheck] = useState<{ range: string; warnings: RequestValue<'staffHolidayCheck'>['warnings'] } | null>(null);

  useEffect(() => {
    let current = true;
    void call('staffChildDetail', { childId: child.id }).then((result) => {
      if (current && result.ok) setDetail(result.value);
    });
    return () => {
      current = false;
    };
  }, [call, child.id]);

  // A holiday's range is checked against its season's allowance as it is typed; an answer for another range is not shown.
  const holidayRange = reason === 'vacation' && firstDate !== '' && lastDate >= firstDate ? `${firstDate}/${lastDate}` : null;
  useEffect(() => {
    if (holidayRange === null) return;
    const [from = '', to = ''] = holidayRange.split('/');
    let current = true;
    void call('staffHolidayCheck', { childId: child.id, firstDate: from, lastDate: to }).then((result) => {
      if (current && result.ok) setHolidayCheck({ range: holidayRange, warnings: result.value.warnings });
    });
    return () => {
      current = false;
    };
  }, [call, child.id, holidayRange]);
  const holidayWarnings = holidayCheck !== null && holidayCheck.range === holidayRange ? holidayCheck.warnings : [];

  const ready = reason !== null && firstDate !== '' && lastDate >= firstDate && (reason !== 'other' || note.trim() !== '');
  const save = async () => {
    if (!ready) return;
    const result = await call('staffMarkAbsence', {
      childId: child.id,
      firstDate,
      lastDate,
      reason,
      ...(reason === 'sick' && certificateNumber.trim() !== '' ? { certificateNumber: certificateNumber.trim() } : {}),
      ...(reason === 'sick' && certificateDate !== '' ? { certificateDate } : {}),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    setDetail(result.value.detail);
    onDone(t('staff.absence.saved'));
  };

  const shown = detail?.child ?? child;
  return (
    <section className="staff-form absence-form" data-testid="absence-form">
      {/* The fields scroll on their own; Save stays under them, in view at any screen size. */}
      <div className="absence-fields">
      <h2 className="staff-child-title">
        {shown.firstName} {shown.lastName} · {shown.groupName}
      </h2>
      <ChildStateLabel child={shown} />
      {detail && <AbsenceCounters detail={detail} />}
      <div className="staff-choices" role="group">
        {AbsenceReasonSchema.options.map((r) => (
          <button key={r} type="button" className="staff-choice" data-testid={`absence-reason-${r}`} aria-pressed={reason === r} onClick={() => setReason(r)}>
            {t(`staff.absence.reasons.${r}`)}
          </button>
        ))}
      </div>
      <div className="staff-row">
        <label className="staff-field">
          {t('staff.absence.from')}
          <DateField testId="absence-from" value={firstDate} onChange={setFirstDate} />
        </label>
        <label className="staff-field">
          {t('staff.absence.to')}
          <DateField testId="absence-to" value={lastDate} min={firstDate} onChange={setLastDate} />
        </label>
      </div>
      {holidayWarnings.map((w) => (
        <p key={w.kind === 'off-season' ? w.kind : w.label} className="staff-flag" data-testid="holiday-warning">
          <WarningIcon />
          {w.kind === 'off-season'
            ? t('staff.absence.offSeason', { days: w.days })
            : t(`staff.absence.${w.season}Over`, { season: w.label, used: w.used, allowed: w.allowed })}
        </p>
      ))}
      {reason === 'sick' && certificateNumber.trim() === '' && detail && (
        <p className="staff-hint" data-testid="certificate-hint">
          {t('staff.absence.certificateNeeded', { days: detail.sickDaysWithoutCertificate })}
        </p>
      )}
      {reason === 'sick' && (
        <div className="staff-row">
          <label className="staff-field">
            {t('staff.absence.certificateNumber')}
            <input maxLength={64} value={certificateNumber} onChange={(e) => setCertificateNumber(e.target.value)} />
          </label>
          <label className="staff-field">
            {t('staff.absence.certificateDate')}
            <DateField testId="absence-certificate-date" value={certificateDate} max={today} onChange={setCertificateDate} />
          </label>
        </div>
      )}
      <input className="staff-input" data-testid="absence-note" placeholder={t('staff.absence.note')} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="absence-actions">
        {error && (
          <p className="staff-refusal" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="staff-primary" data-testid="absence-save" disabled={!ready} onClick={() => void save()}>
          {t('staff.absence.save')}
        </button>
      </div>
    </section>
  );
}

function AbsenceCounters({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const unexcusedReached = detail.unexcusedDaysThisMonth >= detail.unexcusedDaysPerMonth && detail.unexcusedDaysThisMonth > 0;
  return (
    <div className="absence-counters" data-testid="absence-counters">
      {detail.holidays.map((h) => (
        <p key={h.first} data-testid={`holiday-${h.season}`}>
          {t(`staff.absence.${h.season}`, { season: h.label, used: h.used, allowed: h.allowed })}
        </p>
      ))}
      <p>{t('staff.absence.unexcused', { used: detail.unexcusedDaysThisMonth, allowed: detail.unexcusedDaysPerMonth })}</p>
      {unexcusedReached && (
        <p className="staff-flag" data-testid="unexcused-limit">
          <WarningIcon />
          {t('staff.absence.limitReached')}
        </p>
      )}
      {detail.absences.length > 0 && (
        <>
          <h3>{t('staff.absence.upcoming')}</h3>
          <ul>
            {detail.absences.map((a) => (
              <li key={a.id}>
                {a.firstDate === a.lastDate ? formatDay(a.firstDate) : `${formatDay(a.firstDate)} – ${formatDay(a.lastDate)}`}: {t(`staff.absence.reasons.${a.reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
