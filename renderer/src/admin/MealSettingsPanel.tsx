// The meal invoices' settings on the Settings page: the daily meal fee (0: not set, and no invoice is drawn up) and the
// kindergarten's details the invoices print (address, BIN, account, bank). Saved as one change, kept in the admin trail.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MealSettingsSchema, type MealSettings } from '../../../shared/admin/meal-contract.js';
import { mealsTexts } from '../../../shared/i18n/admin/meals-catalogs.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

const TEXTS = ['kindergartenAddress', 'kindergartenBin', 'kindergartenIban', 'kindergartenBank'] as const;

export function MealSettingsPanel({ call }: { call: AdminCall }) {
  const loaded = useLoadedOnce(useCallback(() => call('adminMealSettings', {}), [call]));
  return loaded ? <MealSettingsForm key={JSON.stringify(loaded)} call={call} initial={loaded} /> : null;
}

function MealSettingsForm({ call, initial }: { call: AdminCall; initial: MealSettings }) {
  const { t, i18n } = useTranslation();
  const x = mealsTexts(i18n.language);
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<Record<keyof MealSettings, string>>(() => ({ ...initial, mealFeeTengePerDay: String(initial.mealFeeTengePerDay) }));
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  // The fee is typed as text; an empty box is not 0 by accident.
  const checked = MealSettingsSchema.safeParse({ ...draft, mealFeeTengePerDay: draft.mealFeeTengePerDay.trim() === '' ? Number.NaN : Number(draft.mealFeeTengePerDay) });
  const dirty = checked.success && JSON.stringify(checked.data) !== JSON.stringify(saved);

  const edit = (key: keyof MealSettings, text: string) => {
    setMessage(null);
    setDraft((d) => ({ ...d, [key]: text }));
  };

  const save = async () => {
    if (!checked.success) return;
    const result = await call('adminSetMealSettings', { change: checked.data });
    if (!result.ok) return setMessage({ text: t(`errors.${result.error.code}`), failed: true });
    setSaved(result.value);
    setDraft({ ...result.value, mealFeeTengePerDay: String(result.value.mealFeeTengePerDay) });
    setMessage({ text: x.saved, failed: false });
  };

  return (
    <section className="staff-form settings-form" data-testid="meal-settings">
      <h2>{x.settingsTitle}</h2>
      <label className="admin-field">
        {x.mealFeeTengePerDay}
        <input type="number" inputMode="numeric" min={0} data-testid="setting-mealFeeTengePerDay" value={draft.mealFeeTengePerDay} onChange={(e) => edit('mealFeeTengePerDay', e.target.value)} />
      </label>
      {TEXTS.map((key) => (
        <label key={key} className="admin-field">
          {x[key]}
          <input type="text" data-testid={`setting-${key}`} value={draft[key]} onChange={(e) => edit(key, e.target.value)} />
        </label>
      ))}
      {!checked.success && <p className="staff-refusal" data-testid="meal-settings-invalid">{x.invalid}</p>}
      <button type="button" className="staff-primary" data-testid="meal-settings-save" disabled={!dirty} onClick={() => void save()}>
        {x.save}
      </button>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="meal-settings-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
