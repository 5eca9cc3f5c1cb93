// "Start afresh" on the demo kiosk's "This computer" page: what happens said in plain words (the demo kept whole in a
// folder named here, nothing deleted, the door opening the first-run setup), then the admin's PIN again. The core
// moves the demo aside (adminStartAfresh); the page then hands the screen back, and the door shows the setup.
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { fillText } from '../../../shared/i18n/admin/backups-catalogs.js';
import type { KioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-en.js';
import { whenText } from './diagnostics-format.js';
import { afterStartAfresh, type Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';
import type { ThisComputerCall } from './this-computer-call.js';

interface Props {
  t: TFunction;
  x: KioskShellTexts;
  call: ThisComputerCall;
  /** The folder inside which the demo's own folder is made (the core says where). */
  setAsideIn: string;
  /** The demo went aside: the console closes, so the door's first-run setup shows. */
  onStarted: () => void;
}

export function ThisComputerStartAfresh({ t, x, call, setAsideIn, onStarted }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const start = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('adminStartAfresh', { pin });
    setBusy(false);
    setPin('');
    const next = afterStartAfresh(done, x, (code) => t(`errors.${code}`, { defaultValue: code }), whenText);
    if (next.kind === 'to-setup') return onStarted();
    setNote(next.note);
  };

  return (
    <section data-testid="start-afresh">
      <h3>{x.startAfreshTitle}</h3>
      <p className="staff-hint">{x.startAfreshText}</p>
      {!confirming ? (
        <button type="button" className="staff-back" data-testid="start-afresh-open" onClick={() => setConfirming(true)}>
          {x.startAfreshOpen}
        </button>
      ) : (
        <section role="dialog" aria-label={x.startAfreshTitle} data-testid="start-afresh-confirm">
          <p data-testid="start-afresh-kept">{fillText(x.startAfreshKept, { folder: setAsideIn })}</p>
          <p>{x.startAfreshNothingDeleted}</p>
          <p>{x.startAfreshThen}</p>
          <p>{x.startAfreshPin}</p>
          <div className="staff-row">
            <label className="staff-field">
              {x.pin}
              <input type="password" inputMode="numeric" autoComplete="off" data-testid="start-afresh-pin" value={pin} maxLength={12} disabled={busy} onChange={(e) => setPin(e.target.value)} />
            </label>
          </div>
          <div className="staff-row">
            <button type="button" className="staff-primary" data-testid="start-afresh-button" disabled={busy || pin === ''} onClick={() => void start()}>
              {busy ? x.startAfreshWorking : x.startAfreshConfirm}
            </button>
            <button type="button" className="staff-back" data-testid="start-afresh-cancel" disabled={busy} onClick={() => setConfirming(false)}>
              {x.cancel}
            </button>
          </div>
          <ThisComputerNote note={note} testId="start-afresh-result" />
        </section>
      )}
    </section>
  );
}
