// The USB stick on the Computers page (docs/peers.md §8), for when the computers cannot reach each other: *Write a
// stick* for one computer or every other, the file offered for download as the exports are (deliver-export.ts); *Read
// a stick*: a file chosen, sent in pieces (send-in-pieces.ts), checked whole by the core, and what it came to said in
// the user's language. On an office, a door may be carried to the city (RelayEnrollPanel). The core decides everything.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bundleTexts } from '../../../shared/i18n/peers/bundle-catalogs.js';
import { stickTexts } from '../../../shared/i18n/peers/stick-catalogs.js';
import type { StickTexts } from '../../../shared/i18n/peers/stick-en.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { STICK_FILE_MAX_BYTES } from '../../../shared/peers/stick-contract.js';
import { kioskZone } from '../state/kiosk-zone.js';
import { deliverExport } from './deliver-export.js';
import { RelayEnrollPanel } from './RelayEnrollPanel.js';
import { sendInPieces } from './send-in-pieces.js';
import { memberNames, stickReadNote, stickRecipients, stickWrittenNote } from './stick-words.js';
import type { ThisComputerCall } from './this-computer-call.js';
import type { Note } from './this-computer-outcomes.js';
import { ThisComputerNote } from './ThisComputerNote.js';

interface Props {
  call: ThisComputerCall;
  /** The computers as the page's last status lists them. */
  members: readonly PeerMemberView[];
}

export function StickPanel({ call, members }: Props) {
  const { i18n } = useTranslation();
  const x = stickTexts(i18n.language);
  return (
    <section className="computers-stick" data-testid="stick-panel">
      <h3>{x.title}</h3>
      <p>{x.intro}</p>
      <StickWrite x={x} call={call} members={members} />
      <StickRead x={x} call={call} members={members} />
      <RelayEnrollPanel x={x} call={call} members={members} />
    </section>
  );
}

function StickWrite({ x, call, members }: { x: StickTexts } & Props) {
  const { t, i18n } = useTranslation();
  const recipients = stickRecipients(members);
  // '' is every other computer (no deviceId asked): the core then writes for each current member but this one.
  const [forId, setForId] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [download, setDownload] = useState<Note>(null);

  const write = async () => {
    setBusy(true);
    setNote(null);
    setDownload(null);
    const chosen = recipients.some((m) => m.deviceId === forId) ? forId : '';
    const written = await call('bundleWrite', chosen === '' ? {} : { deviceId: chosen });
    if (!written.ok) {
      setBusy(false);
      return setNote({ text: t(`errors.${written.error.code}`, { defaultValue: written.error.code }), failed: true });
    }
    setNote(stickWrittenNote(written.value, x));
    setDownload(await deliverExport(call, written.value, t, i18n.language));
    setBusy(false);
  };

  return (
    <section className="computers-stick-part" data-testid="stick-write">
      <h4>{x.writeTitle}</h4>
      <div className="staff-row">
        <label className="staff-field">
          {x.writeFor}
          <select data-testid="stick-write-for" value={forId} disabled={busy} onChange={(e) => setForId(e.target.value)}>
            <option value="">{x.writeForAll}</option>
            {recipients.map((m) => (
              <option key={m.deviceId} value={m.deviceId}>
                {m.name === '' ? m.deviceId : m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="staff-primary" data-testid="stick-write-button" disabled={busy} onClick={() => void write()}>
          {busy ? x.writing : x.writeButton}
        </button>
      </div>
      <ThisComputerNote note={note} testId="stick-write-result" />
      <ThisComputerNote note={download} testId="stick-download-result" />
    </section>
  );
}

type ReadStep = { kind: 'idle' } | { kind: 'sending'; percent: number } | { kind: 'reading' };

function StickRead({ x, call, members }: { x: StickTexts } & Props) {
  const { t, i18n } = useTranslation();
  const b = bundleTexts(i18n.language);
  const [step, setStep] = useState<ReadStep>({ kind: 'idle' });
  const [note, setNote] = useState<(NonNullable<Note> & { code: string }) | null>(null);

  const refused = (code: string) => setNote({ text: t(`errors.${code}`, { defaultValue: code }), failed: true, code });

  const read = async (file: File) => {
    setNote(null);
    // Said before a byte is sent (docs/peers.md §8): the core would refuse the announcement anyway.
    if (file.size > STICK_FILE_MAX_BYTES) return setNote({ text: b.tooLarge, failed: true, code: 'BUNDLE_TOO_LARGE' });
    setStep({ kind: 'sending', percent: 0 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sent = await sendInPieces(
        {
          begin: (fileName, size) => call('bundleReadBegin', { fileName, bytes: size }),
          piece: (uploadId, offset, data) => call('bundleReadChunk', { uploadId, offset, data }),
        },
        file.name.slice(0, 260) || 'esik.esikpeer',
        bytes,
        (percent) => setStep({ kind: 'sending', percent }),
      );
      if (!sent.ok) return refused(sent.error.code);
      setStep({ kind: 'reading' });
      const done = await call('bundleRead', { uploadId: sent.value });
      if (!done.ok) return refused(done.error.code);
      const wording = { nameOf: memberNames(members), zone: kioskZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone, nowMs: Date.now() };
      setNote({ ...stickReadNote(done.value, x, b, wording), code: done.value.outcome.code });
    } finally {
      setStep({ kind: 'idle' });
    }
  };

  const busy = step.kind !== 'idle';
  return (
    <section className="computers-stick-part" data-testid="stick-read">
      <h4>{x.readTitle}</h4>
      <p>{x.readHint}</p>
      <label className="staff-field">
        {x.readChoose}
        <input
          type="file"
          accept=".esikpeer"
          data-testid="stick-read-file"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared at once, so the same file chosen again is read again (and says it changed nothing).
            e.target.value = '';
            if (file) void read(file);
          }}
        />
      </label>
      {busy && (
        <p className="staff-hint" role="status" data-testid="stick-read-progress">
          {step.kind === 'sending' ? x.sending(step.percent) : x.reading}
        </p>
      )}
      {note !== null && (
        <p className={note.failed ? 'staff-refusal' : 'staff-hint'} role={note.failed ? 'alert' : 'status'} data-testid="stick-read-result" data-failed={note.failed} data-code={note.code}>
          {note.text}
        </p>
      )}
    </section>
  );
}
