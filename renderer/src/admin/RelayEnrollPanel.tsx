// *Carry a door to the city*, on an office only (docs/peers.md §5 "Exactly once to the city"): a door with no network
// of its own is enrolled from here with the city server's address and an enrollment code the city issued for that
// door; its records then go to the city from this computer. The core refuses what it cannot do (no city link here:
// PEER_LINK_OFF; the city's own ENROLL_* answers), and the page says it as the errors are said.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StickTexts } from '../../../shared/i18n/peers/stick-en.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { relayDoors } from './stick-words.js';
import type { ThisComputerCall } from './this-computer-call.js';
import type { Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';

interface Props {
  x: StickTexts;
  call: ThisComputerCall;
  members: readonly PeerMemberView[];
}

export function RelayEnrollPanel({ x, call, members }: Props) {
  const { t } = useTranslation();
  const doors = relayDoors(members);
  const [doorId, setDoorId] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  // Only an office carries doors; on a door the part is not shown at all.
  if (!members.some((m) => m.self && m.role === 'office')) return null;
  const door = doors.find((d) => d.deviceId === doorId) ?? doors[0];
  const nameOf = (d: PeerMemberView) => (d.name === '' ? d.deviceId : d.name);

  const enroll = async () => {
    if (!door) return;
    setBusy(true);
    setNote(null);
    const done = await call('relayEnroll', { deviceId: door.deviceId, serverUrl: serverUrl.trim(), code: code.trim() });
    setBusy(false);
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    setCode('');
    setNote({ text: x.relayDone(nameOf(door), done.value.queued), failed: false });
  };

  return (
    <section className="computers-stick-part" data-testid="relay-enroll">
      <h4>{x.relayTitle}</h4>
      <p>{x.relayIntro}</p>
      {door === undefined ? (
        <p className="staff-hint" data-testid="relay-no-door">
          {x.relayNoDoor}
        </p>
      ) : (
        <>
          <div className="staff-row">
            <label className="staff-field">
              {x.relayDoor}
              <select data-testid="relay-door" value={door.deviceId} disabled={busy} onChange={(e) => setDoorId(e.target.value)}>
                {doors.map((d) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {nameOf(d)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="staff-row">
            <label className="staff-field">
              {x.relayServer}
              <input data-testid="relay-server" value={serverUrl} maxLength={2000} disabled={busy} placeholder="https://…" onChange={(e) => setServerUrl(e.target.value)} />
            </label>
            <label className="staff-field">
              {x.relayCode}
              <input data-testid="relay-code" value={code} maxLength={64} autoComplete="off" disabled={busy} onChange={(e) => setCode(e.target.value)} />
            </label>
          </div>
          <button type="button" className="staff-primary" data-testid="relay-enroll-button" disabled={busy || serverUrl.trim() === '' || code.trim() === ''} onClick={() => void enroll()}>
            {x.relayButton}
          </button>
        </>
      )}
      <ThisComputerNote note={note} testId="relay-enroll-result" />
    </section>
  );
}
