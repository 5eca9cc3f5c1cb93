// *Add a computer* on the Computers page: the admin's PIN again, then the one-time code large in groups of four, this
// computer's addresses and the minutes left, and Close. The code lives only in the peer link's memory and on this
// screen: nothing keeps it once the page closes it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillText } from '../../../shared/i18n/fill-text.js';
import { kioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import type { PairingOpened } from '../../../shared/peers/peer-status.js';
import { codeGroups, minutesLeft } from './computers-format.js';
import { whenText } from './diagnostics-format.js';
import type { ThisComputerCall } from './this-computer-call.js';
import { pinRefusalText, type Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';

const TICK_MS = 5_000;

interface Props {
  x: ComputersTexts;
  call: ThisComputerCall;
  onChanged: () => void;
}

export function ComputersAdd({ x, call, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const k = kioskShellTexts(i18n.language);
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [opened, setOpened] = useState<PairingOpened | null>(null);

  const open = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('peerPairingOpen', { pin });
    setBusy(false);
    setPin('');
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    if (done.value.outcome !== 'opened') return setNote({ text: pinRefusalText(done.value, k, whenText), failed: true });
    setAsking(false);
    setOpened(done.value.opened);
    onChanged();
  };
  const close = async () => {
    setOpened(null);
    await call('peerPairingClose', {});
    onChanged();
  };

  if (opened) return <OpenCode opened={opened} x={x} onClose={() => void close()} />;
  return (
    <section className="computers-add" data-testid="computers-add">
      {!asking ? (
        <button type="button" className="staff-primary" data-testid="computers-add-open" onClick={() => setAsking(true)}>
          {x.add}
        </button>
      ) : (
        <section role="dialog" aria-label={x.add} data-testid="computers-add-confirm">
          <p>{x.addPinPrompt}</p>
          <div className="staff-row">
            <label className="staff-field">
              {x.pin}
              <input type="password" inputMode="numeric" autoComplete="off" data-testid="computers-add-pin" value={pin} maxLength={8} disabled={busy} onChange={(e) => setPin(e.target.value)} />
            </label>
          </div>
          <div className="staff-row">
            <button type="button" className="staff-primary" data-testid="computers-add-button" disabled={busy || pin === ''} onClick={() => void open()}>
              {x.add}
            </button>
            <button type="button" className="staff-back" data-testid="computers-add-cancel" disabled={busy} onClick={() => setAsking(false)}>
              {x.cancel}
            </button>
          </div>
        </section>
      )}
      <ThisComputerNote note={note} testId="computers-add-result" />
    </section>
  );
}

function OpenCode({ opened, x, onClose }: { opened: PairingOpened; x: ComputersTexts; onClose: () => void }) {
  // The minutes left, counted on this screen against the end the link gave (its clock and this one are the same machine's).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const left = minutesLeft(opened.expiresMs, now);
  return (
    <section className="computers-add computers-code" role="dialog" aria-label={x.add} data-testid="computers-code">
      <p>{x.codeTitle}</p>
      <p className="computers-code-text" data-testid="computers-code-text">
        {codeGroups(opened.code)}
      </p>
      <p>
        {x.codeAddresses}{' '}
        {opened.addresses.map((address) => (
          <strong key={address} className="computers-code-address" data-testid="computers-code-address">
            {address}
          </strong>
        ))}
      </p>
      <p className="staff-hint" data-testid="computers-code-left" role="status">
        {left > 0 ? fillText(x.minutesLeft, { minutes: left }) : x.codeEnded}
      </p>
      <p className="staff-hint">{x.codeHint}</p>
      <button type="button" className="staff-primary" data-testid="computers-code-close" onClick={onClose}>
        {x.close}
      </button>
    </section>
  );
}
