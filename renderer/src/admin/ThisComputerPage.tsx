// The admin's "This computer" page: where it stands (the door or the office, ThisComputerRole.tsx), whether the installed app starts at its user's login (where the app manages
// that), leaving the kiosk, which asks the admin's PIN again, and on the demo kiosk "Start afresh". The core decides
// and the shell closes; the page asks and shows.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { KioskShellState } from '../../../shared/admin/kiosk-shell-contract.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { kioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import type { KioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-en.js';
import { useLoadedOnce } from './use-loaded-once.js';
import { whenText } from './diagnostics-format.js';
import { useThisComputerCall, type ThisComputerCall } from './this-computer-call.js';
import { pinRefusalText, type Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';
import { ThisComputerStartAfresh } from './ThisComputerStartAfresh.js';
import { ThisComputerRole } from './ThisComputerRole.js';
import { machineRoleTexts } from '../../../shared/i18n/setup/machine-role-catalogs.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
}

export function ThisComputerPage({ api, sessionId, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const x = kioskShellTexts(i18n.language);
  const call = useThisComputerCall(api, sessionId, onEnded);
  const load = useCallback((): Promise<Result<KioskShellState>> => call('adminKioskShell', {}), [call]);
  const loaded = useLoadedOnce(load);
  const [state, setState] = useState<KioskShellState | null>(null);
  const [confirming, setConfirming] = useState(false);
  const shown = state ?? loaded;
  if (!shown) return <p className="staff-hint">{t('admin.log.loading')}</p>;

  return (
    <div className="admin-page admin-today" data-testid="admin-kiosk-shell">
      <ThisComputerRole api={api} t={t} x={x} r={machineRoleTexts(i18n.language)} call={call} />
      <h3>{x.startAtLoginTitle}</h3>
      <StartAtLogin t={t} x={x} call={call} state={shown} onChanged={setState} />
      <h3>{x.leaveTitle}</h3>
      {!shown.canLeave ? (
        <p className="staff-hint" data-testid="leave-not-here">
          {x.notHere}
        </p>
      ) : confirming ? (
        <ConfirmLeave t={t} x={x} call={call} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="button" className="staff-primary" data-testid="leave-kiosk" onClick={() => setConfirming(true)}>
          {x.leaveOpen}
        </button>
      )}
      {/* Only the kiosk's own demo may be put aside (the core refuses it anywhere else, AFRESH_NOT_DEMO). */}
      {shown.startAfresh && <ThisComputerStartAfresh t={t} x={x} call={call} setAsideIn={shown.startAfresh.setAsideIn} onStarted={onEnded} />}
    </div>
  );
}

function StartAtLogin({ t, x, call, state, onChanged }: { t: TFunction; x: KioskShellTexts; call: ThisComputerCall; state: KioskShellState; onChanged: (state: KioskShellState) => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  if (state.startAtLogin === null) return <p className="staff-hint" data-testid="start-at-login-not-here">{x.startAtLoginNotHere}</p>;
  const change = async (on: boolean) => {
    setBusy(true);
    setNote(null);
    const done = await call('adminSetStartAtLogin', { on });
    setBusy(false);
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    onChanged(done.value);
    setNote({ text: x.startAtLoginSaved, failed: false });
  };
  return (
    <>
      <label className="staff-field">
        <input type="checkbox" data-testid="start-at-login" checked={state.startAtLogin} disabled={busy} onChange={(e) => void change(e.target.checked)} />
        {x.startAtLogin}
      </label>
      <ThisComputerNote note={note} testId="start-at-login-result" />
    </>
  );
}

function ConfirmLeave({ t, x, call, onCancel }: { t: TFunction; x: KioskShellTexts; call: ThisComputerCall; onCancel: () => void }) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const leave = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('adminLeaveKiosk', { pin });
    setBusy(false);
    setPin('');
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    const outcome = done.value;
    if (outcome.outcome === 'leaving') {
      setLeft(true);
      return setNote({ text: x.left, failed: false });
    }
    setNote({ text: outcome.outcome === 'not-here' ? x.notHere : pinRefusalText(outcome, x, whenText), failed: true });
  };
  return (
    <section role="dialog" aria-label={x.leaveTitle} data-testid="leave-confirm">
      <p>{x.leaveText}</p>
      <div className="staff-row">
        <label className="staff-field">
          {x.pin}
          <input type="password" inputMode="numeric" autoComplete="off" data-testid="leave-pin" value={pin} maxLength={12} disabled={left} onChange={(e) => setPin(e.target.value)} />
        </label>
      </div>
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="leave-confirm-button" disabled={busy || left || pin === ''} onClick={() => void leave()}>
          {busy ? x.leaving : x.confirm}
        </button>
        <button type="button" className="staff-back" data-testid="leave-cancel" disabled={busy || left} onClick={onCancel}>
          {x.cancel}
        </button>
      </div>
      <ThisComputerNote note={note} testId="leave-result" />
    </section>
  );
}
