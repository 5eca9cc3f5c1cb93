// The kiosk's rules an admin may change: the door's timings, how staff sign in, the cut-off and closing time, and
// the табель's allowances. Only what changed is written (and kept in the admin trail).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskRulesSchema, type KioskRules } from '../../../shared/admin/admin-contract.js';
import { ACT_COUNTED_REASONS, ActEarnedRuleSchema } from '../../../shared/admin/monthly-act.js';
import { rulesTexts } from '../../../shared/i18n/admin/rules-catalogs.js';
import { machineRoleTexts } from '../../../shared/i18n/setup/machine-role-catalogs.js';
import { DoorSettingsPanel } from './DoorSettingsPanel.js';
import { MealSettingsPanel } from './MealSettingsPanel.js';
import { TimeZoneSection } from './TimeZoneSection.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';
import { TimeField } from '../components/TimeField.js';

const NUMBERS = ['autoConfirmSeconds', 'repeatWindowSeconds', 'departureGuardMinutes', 'staffIdleSeconds', 'consoleIdleSeconds', 'summerHolidayDays', 'winterHolidayDays', 'unexcusedDaysPerMonth', 'sickDaysWithoutCertificate', 'returnCheckAfterDays', 'neverComeAfterDays', 'outboxKeepSentDays', 'perCapitaNormTenge'] as const;
const TIMES = ['headcountCutOff', 'collectCheckFrom', 'closingTime'] as const;
const MODES = ['name-or-card', 'card-only'] as const;
const ACT_RULES = ActEarnedRuleSchema.options;

export function SettingsPage({ call, office, onClockChanged }: { call: AdminCall; office: boolean; onClockChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const x = rulesTexts(i18n.language);
  const loaded = useLoadedOnce(useCallback(() => call('adminSettings', {}), [call]));
  const [draft, setDraft] = useState<Partial<Record<keyof KioskRules, string>>>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [saved, setSaved] = useState<KioskRules | null>(null);
  const rules = saved ?? loaded;
  if (!rules) return <p className="staff-hint">{t('admin.log.loading')}</p>;

  const shown = (key: keyof KioskRules): string => draft[key] ?? (rules[key] === null ? '' : String(rules[key]));
  const edit = (key: keyof KioskRules, text: string) => {
    setMessage(null);
    setDraft((d) => ({ ...d, [key]: text }));
  };
  const candidate = {
    ...rules,
    ...Object.fromEntries(Object.entries(draft).map(([key, text]) => [key, (NUMBERS as readonly string[]).includes(key) ? Number(text) : text])),
    // The evening pick-up check is off while its time is empty.
    ...(draft.collectCheckFrom === undefined ? {} : { collectCheckFrom: draft.collectCheckFrom === '' ? null : draft.collectCheckFrom }),
    // The act's counted reasons are a list: the draft keeps them comma-joined.
    ...(draft.actCountedReasons === undefined ? {} : { actCountedReasons: draft.actCountedReasons === '' ? [] : draft.actCountedReasons.split(',') }),
  };
  const countedReasons = (draft.actCountedReasons ?? rules.actCountedReasons.join(',')).split(',').filter((r) => r !== '');
  const toggleReason = (reason: string, on: boolean) =>
    edit('actCountedReasons', ACT_COUNTED_REASONS.filter((r) => (r === reason ? on : countedReasons.includes(r))).join(','));
  const checked = KioskRulesSchema.safeParse(candidate);

  const save = async () => {
    if (!checked.success) return;
    const result = await call('adminSetSettings', { change: checked.data });
    if (!result.ok) return setMessage({ text: t(`errors.${result.error.code}`), failed: true });
    setSaved(result.value);
    setDraft({});
    setMessage({ text: x.saved, failed: false });
  };

  return (
    <div className="admin-page admin-today" data-testid="admin-settings">
      <section className="staff-form settings-form">
        <h2>{x.title}</h2>
        {NUMBERS.map((key) => (
          <label key={key} className="admin-field">
            {x[key]}
            <input type="number" inputMode="numeric" data-testid={`setting-${key}`} value={shown(key)} onChange={(e) => edit(key, e.target.value)} />
          </label>
        ))}
        {TIMES.map((key) => (
          <label key={key} className="admin-field">
            {x[key]}
            <TimeField testId={`setting-${key}`} value={shown(key)} onChange={(time) => edit(key, time)} />
          </label>
        ))}
        <label className="admin-field">
          {x.staffSignInMode}
          <select data-testid="setting-staffSignInMode" value={shown('staffSignInMode')} onChange={(e) => edit('staffSignInMode', e.target.value)}>
            {MODES.map((mode) => (
              <option key={mode} value={mode}>
                {x.signInModes[mode]}
              </option>
            ))}
          </select>
        </label>
        {/* The office has no reader: there the kindergarten's card-only reads as name-or-card (shared/setup/machine-role.ts). */}
        <p className="staff-hint" data-testid="setting-staffSignInMode-office">
          {machineRoleTexts(i18n.language).signInNote}
        </p>
        <label className="admin-field">
          {x.actEarnedRule}
          <select data-testid="setting-actEarnedRule" value={shown('actEarnedRule')} onChange={(e) => edit('actEarnedRule', e.target.value)}>
            {ACT_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {x.actEarnedRules[rule]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="admin-field" data-testid="setting-actCountedReasons">
          <legend>{x.actCountedReasons}</legend>
          {ACT_COUNTED_REASONS.map((reason) => (
            <label key={reason}>
              <input type="checkbox" data-testid={`setting-actCountedReasons-${reason}`} checked={countedReasons.includes(reason)} onChange={(e) => toggleReason(reason, e.target.checked)} />{' '}
              {x.actReasons[reason]}
            </label>
          ))}
        </fieldset>
        <button type="button" className="staff-primary" data-testid="settings-save" disabled={!checked.success || Object.keys(draft).length === 0} onClick={() => void save()}>
          {x.save}
        </button>
        {message && (
          <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="settings-message">
            {message.text}
          </p>
        )}
      </section>
      <MealSettingsPanel call={call} />
      {/* The office has no door: no screen to return to a language, no sound, no camera, no readers (docs/peers.md §2). */}
      {!office && <DoorSettingsPanel call={call} />}
      <TimeZoneSection call={call} {...(onClockChanged ? { onSaved: onClockChanged } : {})} />
    </div>
  );
}
