// Where the roster comes from: the city (address and one-time code; what it sends is shown before the kiosk keeps it,
// and "not this one" keeps nothing) or the kindergarten on its own: the spreadsheet imported right in this step, and
// kept by hand in the console later.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fill } from '../../../shared/i18n/setup/setup-catalogs.js';
import type { SetupTexts } from '../../../shared/i18n/setup/setup-en.js';
import type { SetupView } from '../../../shared/setup/setup-contract.js';
import type { Result } from '../../../shared/api/result.js';
import { safeCall } from '../api/safe-call.js';
import { SetupRosterImport } from './SetupRosterImport.js';

interface Props {
  api: KioskApi;
  texts: SetupTexts;
  view: SetupView;
  sessionId: string;
  /** A step taken: the setup goes on to the next one not done. */
  onView: (view: SetupView) => void;
  /** The view changed but the step stays (a roster of its own chosen: its spreadsheet comes next, here). */
  onStay: (view: SetupView) => void;
  /** The core ended the admin's session. */
  onEnded: () => void;
}

export function RosterStep({ api, texts, view, sessionId, onView, onStay, onEnded }: Props) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<Result<SetupView> | null>, then: (view: SetupView) => void = onView) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (result === null) return;
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    then(result.value);
  };
  const reload = () => void run(() => safeCall(api, 'setupStatus', {}), onStay);
  const preview = () =>
    run(async () => {
      const shown = await safeCall(api, 'setupCityPreview', { sessionId, serverUrl, code });
      if (!shown.ok) return shown;
      return safeCall(api, 'setupStatus', {});
    });

  const p = view.cityPreview;
  return (
    <div data-testid="setup-roster">
      <p>{texts.roster.prompt}</p>
      {view.roster.mode === 'city' && (
        <>
          <p data-testid="setup-roster-done">{fill(texts.roster.enrolled, { children: view.roster.children, groups: view.roster.groups })}</p>
          <p data-testid="setup-roster-fixed">{texts.roster.sourceFixed}</p>
        </>
      )}
      {view.roster.mode === 'own' && (
        <>
          <p data-testid="setup-roster-done">
            {fill(texts.roster.ownChosen, { children: view.roster.children, groups: view.roster.groups })} {texts.roster.ownHint}
          </p>
          <SetupRosterImport api={api} sessionId={sessionId} onEnded={onEnded} onApplied={reload} />
        </>
      )}
      {p ? (
        <section data-testid="setup-city-preview">
          <h2>{texts.roster.previewTitle}</h2>
          <p data-testid="setup-city-kindergarten">{p.kindergartenName}</p>
          <p data-testid="setup-city-counts">
            {p.groups.length} {texts.roster.groups} · {p.children} {texts.roster.children} · {p.companions} {texts.roster.companions} · {p.cards} {texts.roster.cards}
          </p>
          <ul className="setup-city-groups">
            {p.groups.map((g) => (
              <li key={g.name}>
                {g.name}: {g.children}
              </li>
            ))}
          </ul>
          <button type="button" className="staff-back" data-testid="setup-city-reject" disabled={busy} onClick={() => void run(() => safeCall(api, 'setupCityReject', { sessionId }))}>
            {texts.roster.reject}
          </button>
          <button type="button" className="staff-primary" data-testid="setup-city-accept" disabled={busy} onClick={() => void run(() => safeCall(api, 'setupCityAccept', { sessionId }))}>
            {texts.roster.accept}
          </button>
        </section>
      ) : (
        view.roster.mode !== 'city' && (
          <>
            <fieldset>
              <legend>{texts.roster.city}</legend>
              <label className="staff-field">
                {texts.roster.serverUrl}
                <input data-testid="setup-city-url" value={serverUrl} maxLength={2048} onChange={(e) => setServerUrl(e.target.value)} />
              </label>
              <label className="staff-field">
                {texts.roster.code}
                <input data-testid="setup-city-code" value={code} maxLength={64} onChange={(e) => setCode(e.target.value)} />
              </label>
              <button type="button" className="staff-primary" data-testid="setup-city-show" disabled={busy || serverUrl.trim() === '' || code.trim() === ''} onClick={() => void preview()}>
                {texts.roster.show}
              </button>
            </fieldset>
            <button type="button" className="staff-primary" data-testid="setup-roster-own" disabled={busy} onClick={() => void run(() => safeCall(api, 'setupChooseOwn', { sessionId }), onStay)}>
              {texts.roster.own}
            </button>
          </>
        )
      )}
      {error && (
        <p className="staff-refusal" role="alert" data-testid="setup-roster-refusal">
          {error}
        </p>
      )}
    </div>
  );
}
