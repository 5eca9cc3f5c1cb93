// *Join a kindergarten that already has Esik*: the other computer's address and code as its Computers page shows them
// (typed: the office has no camera), and this computer's name; the joining said while it runs, a refusal in words.
// Joined, it says what comes next: the staff accounts arrive as records from the other computer, and until they do the
// setup still goes on (an admin may be made here), so nobody is left waiting on a screen with no way forward.
// On the console of a computer in service (ComputersJoin) the same form asks the admin's PIN too and says its own
// word once joined (the accounts made only here).
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import { peerAddressOf } from '../../../shared/peers/peer-address-input.js';
import type { PeerJoined } from '../../../shared/peers/peer-status.js';
import { safeCall } from '../api/safe-call.js';

/** How often the joined screen looks whether the staff accounts have arrived. */
const STAFF_LOOK_MS = 3_000;

/** The console's join of a computer in service: the admin's PIN again, the request its own, its own word once joined. */
export interface InServiceJoin {
  pinPrompt: string;
  pinLabel: string;
  /** The join with the PIN: joined, or the refusal in words. */
  join: (request: { address: string; code: string; name: string; pin: string }) => Promise<{ joined: PeerJoined } | { refusal: string }>;
  /** In place of the first run's word on the staff accounts. */
  joinedWord: (joined: PeerJoined) => ReactNode;
}

interface Props {
  api: KioskApi;
  sessionId: string | undefined;
  x: ComputersTexts;
  inService?: InServiceJoin;
  /** The joined screen's way on: the setup's next step by default; the console's page says its own. */
  continueLabel?: string;
  onBack: () => void;
  onContinue: () => void;
}

export function JoinStep({ api, sessionId, x, inService, continueLabel, onBack, onContinue }: Props) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [joined, setJoined] = useState<PeerJoined | null>(null);

  if (joined) {
    const label = continueLabel ?? x.join.next;
    if (inService) return <JoinedWith joined={joined} x={x} word={inService.joinedWord(joined)} continueLabel={label} onContinue={onContinue} />;
    return <Joined api={api} joined={joined} x={x} continueLabel={label} onContinue={onContinue} />;
  }
  const join = async () => {
    if (peerAddressOf(address) === null) return setRefusal(x.badAddress);
    setBusy(true);
    setRefusal(null);
    if (inService) {
      const answer = await inService.join({ address, code, name, pin });
      setBusy(false);
      setPin('');
      return 'joined' in answer ? setJoined(answer.joined) : setRefusal(answer.refusal);
    }
    const done = await safeCall(api, 'setupPeerJoin', { ...(sessionId === undefined ? {} : { sessionId }), address, code, name });
    setBusy(false);
    if (!done.ok) return setRefusal(done.error.code === 'INVALID_REQUEST' ? x.badAddress : t(`errors.${done.error.code}`, { defaultValue: done.error.code }));
    setJoined(done.value);
  };
  return (
    <div data-testid="setup-join" className="setup-join">
      <label className="staff-field">
        {x.join.address}
        <input data-testid="setup-join-address" value={address} maxLength={80} disabled={busy} placeholder="192.168.1.23:47620" onChange={(e) => setAddress(e.target.value)} />
      </label>
      <p className="staff-hint">{x.join.addressHint}</p>
      <label className="staff-field">
        {x.join.code}
        <input
          data-testid="setup-join-code"
          value={code}
          maxLength={20}
          disabled={busy}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="XXXX-XXXX-XXXX"
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </label>
      <p className="staff-hint">{x.join.codeHint}</p>
      <label className="staff-field">
        {x.join.name}
        <input data-testid="setup-join-name" value={name} maxLength={60} disabled={busy} onChange={(e) => setName(e.target.value)} />
      </label>
      <p className="staff-hint">{x.join.nameHint}</p>
      {inService && (
        <>
          <p>{inService.pinPrompt}</p>
          <label className="staff-field">
            {inService.pinLabel}
            <input type="password" inputMode="numeric" autoComplete="off" data-testid="setup-join-pin" value={pin} maxLength={8} disabled={busy} onChange={(e) => setPin(e.target.value)} />
          </label>
        </>
      )}
      {busy && (
        <p className="staff-hint" role="status" data-testid="setup-join-progress">
          {x.join.joining}
        </p>
      )}
      {refusal && (
        <p className="staff-refusal" role="alert" data-testid="setup-join-refusal">
          {refusal}
        </p>
      )}
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="setup-join-submit" disabled={busy || address.trim() === '' || code.trim() === '' || name.trim() === '' || (inService !== undefined && pin === '')} onClick={() => void join()}>
          {x.join.submit}
        </button>
        <button type="button" className="staff-back" data-testid="setup-join-back" disabled={busy} onClick={onBack}>
          {x.join.back}
        </button>
      </div>
    </div>
  );
}

function Joined({ api, joined, x, continueLabel, onContinue }: { api: KioskApi; joined: PeerJoined; x: ComputersTexts; continueLabel: string; onContinue: () => void }) {
  const [staffHere, setStaffHere] = useState(false);
  useEffect(() => {
    let current = true;
    const look = () =>
      void safeCall(api, 'setupStatus', {}).then((result) => {
        if (current && result.ok) setStaffHere(result.value.adminExists);
      });
    look();
    const timer = setInterval(look, STAFF_LOOK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api]);
  const sponsor = joined.sponsor.name;
  return (
    <div data-testid="setup-joined" data-staff={staffHere}>
      <h2 data-testid="setup-joined-title">{fillText(x.join.joinedTitle, { kindergarten: joined.kindergarten.name })}</h2>
      <p>{fillText(x.join.joinedWith, { sponsor })}</p>
      <p className={staffHere ? undefined : 'staff-hint'} role="status" data-testid="setup-joined-staff">
        {fillText(staffHere ? x.join.staffHere : x.join.staffComing, { sponsor })}
      </p>
      <button type="button" className="staff-primary" data-testid="setup-joined-next" onClick={onContinue}>
        {continueLabel}
      </button>
    </div>
  );
}

/** Joined from the console: the kindergarten and the computer joined, then the console's own word. */
function JoinedWith({ joined, x, word, continueLabel, onContinue }: { joined: PeerJoined; x: ComputersTexts; word: ReactNode; continueLabel: string; onContinue: () => void }) {
  return (
    <div data-testid="setup-joined">
      <h2 data-testid="setup-joined-title">{fillText(x.join.joinedTitle, { kindergarten: joined.kindergarten.name })}</h2>
      <p>{fillText(x.join.joinedWith, { sponsor: joined.sponsor.name })}</p>
      {word}
      <button type="button" className="staff-primary" data-testid="setup-joined-next" onClick={onContinue}>
        {continueLabel}
      </button>
    </div>
  );
}
