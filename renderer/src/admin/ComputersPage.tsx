// The console's *Computers* page (docs/peers.md §3, §4): this computer first, then each computer of the kindergarten
// with its role, address and link, the removed ones marked; *Add a computer* opens a one-time code, *Remove* takes one
// out, and an address can be typed by hand; a computer in no group may join another's (ComputersJoin); below, the USB
// stick (StickPanel) and what the link refused (PeerRefusals).
// The peer link answers what it knows; the page asks again every few seconds, since a link comes and goes without
// anyone asking, and keeps the list it last read when one read goes unanswered (computers-status-poll.ts).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import { computersTexts } from '../../../shared/i18n/peers/computers-catalogs.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import { stickTexts } from '../../../shared/i18n/peers/stick-catalogs.js';
import type { PeerMemberView } from '../../../shared/peers/peer-status.js';
import { ComputerAddress } from './ComputerAddress.js';
import { ComputerRemove } from './ComputerRemove.js';
import { ComputersAdd } from './ComputersAdd.js';
import { ComputersJoin } from './ComputersJoin.js';
import { linkText, membersInOrder } from './computers-format.js';
import { NO_STATUS_YET, readEvery, viewAfter, type StatusView } from './computers-status-poll.js';
import { whenText } from './diagnostics-format.js';
import { PeerRefusals } from './PeerRefusals.js';
import { StickPanel } from './StickPanel.js';
import { belowTheList } from './stick-words.js';
import { useThisComputerCall, type ThisComputerCall } from './this-computer-call.js';
import './computers.css';

const REFRESH_MS = 5_000;

interface Props {
  api: KioskApi;
  sessionId: string;
  onEnded: () => void;
}

export function ComputersPage({ api, sessionId, onEnded }: Props) {
  const { t, i18n } = useTranslation();
  const x = computersTexts(i18n.language);
  const call = useThisComputerCall(api, sessionId, onEnded);
  // The status last read, and why the last read was refused (computers-status-poll.ts: a refusal keeps the list).
  const [view, setView] = useState<StatusView>(NO_STATUS_YET);
  const { status, refusal } = view;
  // Bumped after an act (a code opened or closed, a computer removed, an address saved): the list is read again at once.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  // The join stays on the page once shown, until its Done: joined, the status says joinable no more, while the
  // accounts made here are still to be chosen.
  const [joinStays, setJoinStays] = useState(false);

  useEffect(() => {
    let current = true;
    const stop = readEvery(
      () =>
        call('peersStatus', {}).then((result) => {
          if (!current) return;
          setView((previous) => viewAfter(previous, result));
          if (result.ok && result.value.joinable) setJoinStays(true);
        }),
      REFRESH_MS,
    );
    return () => {
      current = false;
      stop();
    };
  }, [call, version]);

  const others = status?.members.filter((m) => !m.self) ?? [];
  const below = status === null ? null : belowTheList(status.members, status.refusals);
  return (
    <div className="admin-page admin-today computers-page" data-testid="admin-computers">
      <h2>{x.title}</h2>
      <p>{x.intro}</p>
      {refusal !== null && (
        <p className="staff-refusal" role="alert" data-testid="computers-refusal" data-code={refusal}>
          {t(`errors.${refusal}`, { defaultValue: refusal })}
        </p>
      )}
      {status === null && refusal === null && <p className="staff-hint">{x.loading}</p>}
      {status !== null && (
        <>
          {/* data-stale: the list last read, shown while the last read was refused (for whoever reads a snapshot). */}
          <ul className="computers-list" data-testid="computers-list" data-stale={refusal !== null}>
            {membersInOrder(status.members).map((member) => (
              <ComputerRow key={member.deviceId} member={member} x={x} call={call} onChanged={changed} />
            ))}
          </ul>
          {others.length === 0 && <p className="staff-hint" data-testid="computers-alone">{x.alone}</p>}
          {status.waitingLong > 0 && <p className="staff-refusal" data-testid="computers-waiting">{fillText(x.waitingLong, { count: status.waitingLong })}</p>}
          {status.forks > 0 && (
            <p className="staff-refusal" role="alert" data-testid="computers-forks">
              {fillText(x.forks, { count: status.forks })}
            </p>
          )}
        </>
      )}
      <ComputersAdd x={x} call={call} onChanged={changed} />
      {/* A computer in service with no group yet may instead join the kindergarten's others (§9). */}
      {(status?.joinable === true || joinStays) && (
        <ComputersJoin
          api={api}
          sessionId={sessionId}
          x={x}
          onJoined={() => {
            setJoinStays(false);
            changed();
          }}
        />
      )}
      {/* The USB stick (docs/peers.md §8) and the link's refusals (§3 "Audit"), below the computers. */}
      {below?.stick && status !== null && <StickPanel call={call} members={status.members} />}
      {below?.refusals && status !== null && <PeerRefusals x={stickTexts(i18n.language)} refusals={status.refusals} members={status.members} />}
    </div>
  );
}

function ComputerRow({ member, x, call, onChanged }: { member: PeerMemberView; x: ComputersTexts; call: ThisComputerCall; onChanged: () => void }) {
  return (
    <li className="computers-member" data-testid={`computer-${member.deviceId}`} data-self={member.self} data-revoked={member.revoked} data-connected={member.connected}>
      <p className="computers-member-head">
        {/* A computer that has founded no group yet has no name of its own: its tag says which it is. */}
        {member.name !== '' && <strong className="computers-name">{member.name}</strong>}
        <span className="computers-tag">{x.roles[member.role]}</span>
        {member.self && <span className="computers-tag computers-self">{x.thisComputer}</span>}
        {member.revoked && <span className="computers-tag computers-removed">{x.removed}</span>}
      </p>
      <p className="computers-detail" data-testid="computer-address">
        {x.address} {member.address ?? x.noAddress}
      </p>
      {!member.self && (
        <p className="computers-detail" data-testid="computer-link">
          {linkText(member, x, whenText)}
        </p>
      )}
      {member.keptAfterRemoval > 0 && <p className="computers-detail">{fillText(x.keptAfterRemoval, { count: member.keptAfterRemoval })}</p>}
      {!member.self && !member.revoked && (
        <div className="staff-row">
          <ComputerAddress member={member} x={x} call={call} onChanged={onChanged} />
          <ComputerRemove member={member} x={x} call={call} onChanged={onChanged} />
        </div>
      )}
    </li>
  );
}
