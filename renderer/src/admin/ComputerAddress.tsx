// An address typed by hand for a computer on the Computers page (docs/peers.md §4: the typed address is the rule, the
// beacon a fallback). Read as the core reads it (shared/peers/peer-address-input.ts), so a typo is said at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import { peerAddressOf } from '../../../shared/peers/peer-address-input.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import type { ThisComputerCall } from './this-computer-call.js';
import type { Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';

interface Props {
  member: PeerMemberView;
  x: ComputersTexts;
  call: ThisComputerCall;
  onChanged: () => void;
}

export function ComputerAddress({ member, x, call, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState(member.address ?? '');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const save = async () => {
    if (peerAddressOf(typed) === null) return setNote({ text: x.badAddress, failed: true });
    setBusy(true);
    setNote(null);
    const done = await call('peerAddressSet', { deviceId: member.deviceId, address: typed });
    setBusy(false);
    if (!done.ok) return setNote({ text: done.error.code === 'INVALID_REQUEST' ? x.badAddress : t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    setEditing(false);
    setNote({ text: x.addressSaved, failed: false });
    onChanged();
  };

  if (!editing) {
    return (
      <>
        <button type="button" className="staff-back" data-testid="computer-address-open" onClick={() => setEditing(true)}>
          {x.setAddress}
        </button>
        <ThisComputerNote note={note} testId="computer-address-result" />
      </>
    );
  }
  return (
    <section className="computers-address" data-testid="computer-address-form">
      <label className="staff-field">
        {x.setAddress}
        <input data-testid="computer-address-input" value={typed} maxLength={80} disabled={busy} placeholder="192.168.1.23:47620" onChange={(e) => setTyped(e.target.value)} />
      </label>
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="computer-address-save" disabled={busy || typed.trim() === ''} onClick={() => void save()}>
          {x.saveAddress}
        </button>
        <button type="button" className="staff-back" data-testid="computer-address-cancel" disabled={busy} onClick={() => setEditing(false)}>
          {x.cancel}
        </button>
      </div>
      <ThisComputerNote note={note} testId="computer-address-result" />
    </section>
  );
}
