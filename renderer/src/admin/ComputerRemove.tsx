// *Remove* beside a computer on the Computers page: a reason and the admin's PIN again, under the sentence that a
// removed computer held the PIN hashes. The core records it (peer-revoked) and the link tells every computer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillText } from '../../../shared/i18n/fill-text.js';
import { kioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { whenText } from './diagnostics-format.js';
import type { ThisComputerCall } from './this-computer-call.js';
import { pinRefusalText, type Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';

interface Props {
  member: PeerMemberView;
  x: ComputersTexts;
  call: ThisComputerCall;
  onChanged: () => void;
}

export function ComputerRemove({ member, x, call, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const k = kioskShellTexts(i18n.language);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const title = fillText(x.removeTitle, { name: member.name });

  const remove = async () => {
    setBusy(true);
    setNote(null);
    const done = await call('peerRevoke', { pin, deviceId: member.deviceId, reason });
    setBusy(false);
    setPin('');
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    if (done.value.outcome !== 'revoked') return setNote({ text: pinRefusalText(done.value, k, whenText), failed: true });
    setAsking(false);
    setNote({ text: x.removedNote, failed: false });
    onChanged();
  };

  if (!asking) {
    return (
      <>
        <button type="button" className="staff-back" data-testid="computer-remove-open" onClick={() => setAsking(true)}>
          {x.remove}
        </button>
        <ThisComputerNote note={note} testId="computer-remove-result" />
      </>
    );
  }
  return (
    <section role="dialog" aria-label={title} className="computers-remove" data-testid="computer-remove-confirm">
      <h3>{title}</h3>
      <p className="staff-refusal" data-testid="computer-remove-warning">
        {x.removeWarning}
      </p>
      <label className="staff-field">
        {x.reason}
        <input data-testid="computer-remove-reason" value={reason} maxLength={500} disabled={busy} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="staff-field">
        {x.pin}
        <input type="password" inputMode="numeric" autoComplete="off" data-testid="computer-remove-pin" value={pin} maxLength={8} disabled={busy} onChange={(e) => setPin(e.target.value)} />
      </label>
      <div className="staff-row">
        <button
          type="button"
          className="staff-primary staff-destructive"
          data-testid="computer-remove-button"
          disabled={busy || pin === '' || reason.trim() === ''}
          onClick={() => void remove()}
        >
          {x.removeConfirm}
        </button>
        <button type="button" className="staff-back" data-testid="computer-remove-cancel" disabled={busy} onClick={() => setAsking(false)}>
          {x.cancel}
        </button>
      </div>
      <ThisComputerNote note={note} testId="computer-remove-result" />
    </section>
  );
}
