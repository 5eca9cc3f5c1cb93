// "Where this computer stands" on the console's This computer page (docs/peers.md §2): the door or the office, and the
// other one chosen with the admin's PIN again. The core stores it and tells the screens (statusChanged): made the
// office, the door screen, the readers and the camera go; made the door, they come back.
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { KioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-en.js';
import type { MachineRoleTexts } from '../../../shared/i18n/setup/machine-role-en.js';
import type { MachineRole } from '../../../shared/setup/setup-contract.js';
import { safeCall } from '../api/safe-call.js';
import { whenText } from './diagnostics-format.js';
import { pinRefusalText, type Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';
import type { ThisComputerCall } from './this-computer-call.js';

interface Props {
  api: KioskApi;
  t: TFunction;
  x: KioskShellTexts;
  r: MachineRoleTexts;
  call: ThisComputerCall;
}

export function ThisComputerRole({ api, t, x, r, call }: Props) {
  const [role, setRole] = useState<MachineRole | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  useEffect(() => {
    let current = true;
    void safeCall(api, 'setupStatus', {}).then((result) => {
      if (current && result.ok) setRole(result.value.machineRole);
    });
    return () => {
      current = false;
    };
  }, [api]);
  if (role === null) return null;
  const other: MachineRole = role === 'door' ? 'office' : 'door';

  const change = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('adminSetMachineRole', { pin, machineRole: other });
    setBusy(false);
    setPin('');
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    if (done.value.outcome !== 'set') return setNote({ text: pinRefusalText(done.value, x, whenText), failed: true });
    setRole(done.value.machineRole);
    setConfirming(false);
    setNote({ text: r.saved, failed: false });
  };

  return (
    <section data-testid="machine-role" data-role={role}>
      <h3>{r.title}</h3>
      <p data-testid="machine-role-now">
        {r.now} <strong>{r.roles[role]}</strong>
      </p>
      <p className="staff-hint">{r.hints[role]}</p>
      {!confirming ? (
        <button type="button" className="staff-back" data-testid="machine-role-open" onClick={() => setConfirming(true)}>
          {r.changeTo[other]}
        </button>
      ) : (
        <section role="dialog" aria-label={r.changeTo[other]} data-testid="machine-role-confirm">
          <p className="staff-hint">{r.hints[other]}</p>
          <p>{r.pinPrompt}</p>
          <div className="staff-row">
            <label className="staff-field">
              {r.pin}
              <input type="password" inputMode="numeric" autoComplete="off" data-testid="machine-role-pin" value={pin} maxLength={12} disabled={busy} onChange={(e) => setPin(e.target.value)} />
            </label>
          </div>
          <div className="staff-row">
            <button type="button" className="staff-primary" data-testid="machine-role-button" disabled={busy || pin === ''} onClick={() => void change()}>
              {r.changeTo[other]}
            </button>
            <button type="button" className="staff-back" data-testid="machine-role-cancel" disabled={busy} onClick={() => setConfirming(false)}>
              {r.cancel}
            </button>
          </div>
        </section>
      )}
      <ThisComputerNote note={note} testId="machine-role-result" />
    </section>
  );
}
