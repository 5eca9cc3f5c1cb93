// The door's settings in the console: the language it returns to, how loud it is, its webcam, how keyboard-mode readers write
// numbers, and the USB readers in HID data mode. Saved as one change (kept in the admin trail); readers open at once.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayFormatSchema, ReaderFormatSchema } from '../../../shared/credentials/reader-format.js';
import { SoundLevelSchema, type DoorSettings } from '../../../shared/admin/door-settings.js';
import { LanguageSchema } from '../../../shared/domain/attendance.js';
import { playSound, setSoundLevel } from '../sound/sounds.js';
import { CameraField } from '../camera/CameraField.js';
import { ChoiceField } from './ChoiceField.js';
import { HidReadersEditor, readersFromRows, rowFromReader, type ReaderRow } from './HidReadersEditor.js';
import type { AdminCall } from './use-admin-call.js';
import { useLoadedOnce } from './use-loaded-once.js';

export function DoorSettingsPanel({ call }: { call: AdminCall }) {
  const loaded = useLoadedOnce(useCallback(() => call('adminDoorSettings', {}), [call]));
  // A fresh form for what the core answered, so the rows start from the saved readers.
  return loaded ? <DoorSettingsForm key={JSON.stringify(loaded)} call={call} initial={loaded} /> : null;
}

function DoorSettingsForm({ call, initial }: { call: AdminCall; initial: DoorSettings }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [rows, setRows] = useState<ReaderRow[]>(() => initial.hidReaders.map(rowFromReader));
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const readers = readersFromRows(rows);
  const candidate = 'readers' in readers ? { ...draft, hidReaders: readers.readers } : null;
  const dirty = candidate !== null && JSON.stringify(candidate) !== JSON.stringify(saved);

  const edit = (patch: Partial<DoorSettings>) => {
    setMessage(null);
    setDraft((d) => ({ ...d, ...patch }));
  };

  const save = async () => {
    if (!candidate) return;
    const result = await call('adminSetDoorSettings', { change: candidate });
    if (!result.ok) return setMessage({ text: t(`errors.${result.error.code}`), failed: true });
    setSaved(result.value);
    setDraft(result.value);
    setMessage({ text: t('admin.door.saved'), failed: false });
  };

  const listen = () => {
    setSoundLevel(draft.sound);
    playSound('arrival');
    // The door keeps the saved level until this one is saved.
    setSoundLevel(saved.sound);
  };

  return (
    <section className="staff-form settings-form" data-testid="door-settings">
      <h2>{t('admin.door.title')}</h2>
      <ChoiceField
        label={t('admin.door.defaultLanguage')}
        testId="door-defaultLanguage"
        value={draft.defaultLanguage}
        options={LanguageSchema.options}
        text={(language) => t(`language.${language}`)}
        onChange={(defaultLanguage) => edit({ defaultLanguage })}
      />
      <div className="door-sound">
        <ChoiceField
          label={t('admin.door.sound')}
          testId="door-sound"
          value={draft.sound}
          options={SoundLevelSchema.options}
          text={(level) => t(`admin.door.sounds.${level}`)}
          onChange={(sound) => edit({ sound })}
        />
        <button type="button" className="staff-secondary" onClick={listen} disabled={draft.sound === 'off'}>
          {t('admin.door.testSound')}
        </button>
      </div>
      <CameraField current={draft.cameraDeviceId} onChoose={(cameraDeviceId) => edit({ cameraDeviceId })} />
      <ChoiceField
        label={t('admin.door.keyboardReader')}
        testId="door-keyboard-format"
        value={draft.keyboardReader.format}
        options={ReaderFormatSchema.options}
        text={(format) => t(`admin.readerFormats.${format}`)}
        onChange={(format) => edit({ keyboardReader: { ...draft.keyboardReader, format } })}
      />
      <ChoiceField
        label={t('admin.door.displayFormat')}
        value={draft.keyboardReader.displayFormat}
        options={DisplayFormatSchema.options}
        text={(format) => t(`admin.readerFormats.${format}`)}
        onChange={(displayFormat) => edit({ keyboardReader: { ...draft.keyboardReader, displayFormat } })}
      />
      <HidReadersEditor
        rows={rows}
        onChange={(next) => {
          setMessage(null);
          setRows(next);
        }}
      />
      {'problem' in readers && (
        <p className="staff-refusal" role="alert" data-testid="door-problem">
          {t(`admin.door.${readers.problem}`)}
        </p>
      )}
      <button type="button" className="staff-primary" data-testid="door-save" disabled={!dirty} onClick={() => void save()}>
        {t('admin.door.save')}
      </button>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="door-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
