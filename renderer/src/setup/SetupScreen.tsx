// The first-run setup on the door screen (and from the console's Setup entry): language, the kindergarten's name, its
// time zone, the first admin, the roster, the readers, and a checklist. The core keeps which steps are done, so a
// reload comes back to the first step not done; this screen only shows and asks.
import { useCallback, useEffect, useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { Language } from '../../../shared/domain/attendance.js';
import { setupTexts } from '../../../shared/i18n/setup/setup-catalogs.js';
import { machineRoleTexts } from '../../../shared/i18n/setup/machine-role-catalogs.js';
import { computersTexts } from '../../../shared/i18n/peers/computers-catalogs.js';
import type { SetupStep, SetupView } from '../../../shared/setup/setup-contract.js';
import type { StaffSession } from '../../../shared/staff/staff-contract.js';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import { TimeZonePicker } from '../admin/TimeZonePicker.js';
import { AdminStep } from './AdminStep.js';
import { JoinOrNew } from './JoinOrNew.js';
import { ReadersStep } from './ReadersStep.js';
import { RoleStep } from './RoleStep.js';
import { RosterStep } from './RosterStep.js';
import { SetupSteps } from './SetupSteps.js';
import './setup.css';

interface Props {
  api: KioskApi;
  /** From the console: the admin's session (the door's setup gets one when the admin is created or signs in). */
  session?: StaffSession;
  /** The language chosen: the screens switch at once. */
  onLanguage: (language: Language) => void;
  /** The checklist finished (the door opens), or the console's Setup closed. */
  onClose?: () => void;
  /** The core ended the console's session (on the door the setup asks the admin to sign in again instead). */
  onEnded?: () => void;
}

const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

function firstNotDone(view: SetupView): SetupStep {
  return view.steps.find((s) => !s.done)?.step ?? 'checklist';
}

export function SetupScreen({ api, session: given, onLanguage, onClose, onEnded }: Props) {
  const { i18n, t } = useTranslation();
  const texts = setupTexts(i18n.language);
  const roleTexts = machineRoleTexts(i18n.language);
  const [view, setView] = useState<SetupView | null>(null);
  const [step, setStep] = useState<SetupStep | null>(null);
  const [session, setSession] = useState<StaffSession | null>(given ?? null);
  const [name, setName] = useState('');
  const [zone, setZone] = useState('Asia/Almaty');
  const [error, setError] = useState<string | null>(null);

  const shown = useCallback((result: Result<SetupView>) => {
    if (!result.ok) return;
    setView(result.value);
    setStep((current) => current ?? firstNotDone(result.value));
    setName((current) => current || (result.value.name ?? ''));
    if (result.value.timeZone) setZone(result.value.timeZone);
  }, []);
  const reload = useCallback(() => safeCall(api, 'setupStatus', {}).then(shown), [api, shown]);

  useEffect(() => {
    void safeCall(api, 'setupStatus', {}).then(shown);
  }, [api, shown]);

  const afterStep = (next: SetupView) => {
    setError(null);
    setView(next);
    setStep(firstNotDone(next));
  };
  const sessionId = session?.sessionId;
  const answer = (result: Result<SetupView>) => {
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    afterStep(result.value);
  };

  // In the console the steps are a page of it (the console's own header stays); on the door they are the screen.
  const Root = given ? 'section' : 'main';
  const rootClass = given ? 'setup-screen setup-in-console' : 'screen setup-screen';
  if (view === null || step === null) return <Root className={rootClass} data-testid="setup-screen" />;
  const withSession = sessionId === undefined ? {} : { sessionId };
  const needsSession = step !== 'language' && step !== 'role' && step !== 'name' && step !== 'timeZone' && step !== 'admin';

  return (
    <Root className={rootClass} data-testid="setup-screen" data-step={step}>
      <h1 className="staff-title" data-testid="setup-title">
        {texts.title}: {texts.steps[step]}
      </h1>
      <SetupSteps view={view} current={step} texts={texts} onOpen={(s) => setStep(s)} />
      <section className="setup-step" data-testid={`setup-body-${step}`}>
        {step === 'language' && (
          <div>
            <p>{texts.language.prompt}</p>
            {LANGUAGES.map((language) => (
              <button
                key={language}
                type="button"
                className="staff-primary"
                data-testid={`setup-language-${language}`}
                aria-pressed={view.language === language}
                onClick={() =>
                  void safeCall(api, 'setupSetLanguage', { ...withSession, language }).then((result) => {
                    if (result.ok) onLanguage(language);
                    answer(result);
                  })
                }
              >
                {t(`language.${language}`)}
              </button>
            ))}
          </div>
        )}
        {step === 'role' && <RoleStep view={view} texts={roleTexts} onChoose={(machineRole) => void safeCall(api, 'setupSetRole', { ...withSession, machineRole }).then(answer)} />}
        {step === 'name' && (
          // A new kindergarten is named here; one that already has Esik is joined instead (JoinOrNew).
          <JoinOrNew api={api} view={view} sessionId={sessionId} x={computersTexts(i18n.language)} onContinue={() =>
              void safeCall(api, 'setupStatus', {}).then((result) => {
                if (result.ok) afterStep(result.value);
              })
            }>
            <div>
              <label className="staff-field">
                {texts.name.prompt}
                <input data-testid="setup-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
              </label>
              <button type="button" className="staff-primary" data-testid="setup-next" disabled={name.trim() === ''} onClick={() => void safeCall(api, 'setupSetName', { ...withSession, name }).then(answer)}>
                {texts.next}
              </button>
            </div>
          </JoinOrNew>
        )}
        {step === 'timeZone' && (
          <div>
            <p>{texts.timeZone.prompt}</p>
            <TimeZonePicker value={zone} onChange={setZone} />
            <button type="button" className="staff-primary" data-testid="setup-next" onClick={() => void safeCall(api, 'setupSetTimeZone', { ...withSession, timeZone: zone }).then(answer)}>
              {texts.next}
            </button>
          </div>
        )}
        {step === 'admin' && (
          <AdminStep
            api={api}
            texts={texts}
            adminExists={view.adminExists}
            session={session}
            onSession={(s) => {
              setSession(s);
              void safeCall(api, 'setupStatus', {}).then((r) => {
                if (r.ok) afterStep(r.value);
              });
            }}
          />
        )}
        {needsSession && sessionId === undefined && (
          <AdminStep api={api} texts={texts} adminExists={view.adminExists} session={null} onSession={(s) => setSession(s)} />
        )}
        {step === 'roster' && sessionId !== undefined && (
          <RosterStep
            api={api}
            texts={texts}
            view={view}
            sessionId={sessionId}
            onView={afterStep}
            onStay={(next) => {
              setError(null);
              setView(next);
            }}
            onEnded={onEnded ?? (() => setSession(null))}
          />
        )}
        {step === 'readers' && sessionId !== undefined && <ReadersStep api={api} texts={texts} view={view} sessionId={sessionId} onTested={() => void reload()} onView={setView} />}
        {step === 'checklist' && (
          <div data-testid="setup-checklist">
            <p>{texts.checklist.prompt}</p>
            <ul>
              {view.steps
                .filter((s) => s.step !== 'checklist')
                .map((s) => (
                  <li key={s.step} data-testid={`setup-check-${s.step}`} data-done={s.done}>
                    {s.done ? '✓' : '✗'} {texts.steps[s.step]}
                  </li>
                ))}
              {/* The office has no camera to test. */}
              {view.machineRole === 'door' && (
                <li data-testid="setup-check-camera" data-done={view.cameraTest === 'working'} data-state={view.cameraTest ?? 'untested'}>
                  {view.cameraTest === 'working' ? '✓' : '✗'} {texts.checklist.cameraStates[view.cameraTest ?? 'untested']}
                </li>
              )}
            </ul>
            {/* Revisited from the console after the first run there is nothing left to finish. */}
            {sessionId !== undefined && !(given && view.finished) && (
              <button
                type="button"
                className="staff-primary"
                data-testid="setup-finish"
                onClick={() =>
                  void safeCall(api, 'setupFinish', { sessionId }).then((result) => {
                    answer(result);
                    if (result.ok) onClose?.();
                  })
                }
              >
                {view.machineRole === 'office' ? roleTexts.finish : texts.checklist.finish}
              </button>
            )}
          </div>
        )}
        {step !== 'checklist' && step !== 'admin' && view.steps.find((s) => s.step === step)?.done === true && (
          <button type="button" className="staff-back" data-testid="setup-skip" onClick={() => setStep(firstNotDone(view))}>
            {texts.next}
          </button>
        )}
        {error && (
          <p className="staff-refusal" role="alert" data-testid="setup-refusal">
            {error}
          </p>
        )}
      </section>
      {onClose && given && (
        <button type="button" className="staff-back" data-testid="setup-close" onClick={onClose}>
          {texts.back}
        </button>
      )}
    </Root>
  );
}
