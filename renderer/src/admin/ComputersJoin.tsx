// *Join the kindergarten's other computers* on the Computers page of a computer in service that belongs to no group
// (docs/peers.md §9 "Joining with history"): what joining keeps and what it replaces — the PINs set here give way to
// the group's — then the first run's join form (JoinStep) under the admin's session. Joined, the page reads the
// computers again; the admin's own session may end there, since her PIN here was among those given up.
import { useState } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import { JoinStep } from '../setup/JoinStep.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  x: ComputersTexts;
  onJoined: () => void;
}

export function ComputersJoin({ api, sessionId, x, onJoined }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section className="computers-join" data-testid="computers-join" aria-label={x.inService.title}>
      <h3>{x.inService.title}</h3>
      <p>{x.inService.intro}</p>
      <p className="staff-refusal" data-testid="computers-join-pins">
        {x.inService.pins}
      </p>
      {open ? (
        <JoinStep api={api} sessionId={sessionId} x={x} continueLabel={x.inService.done} onBack={() => setOpen(false)} onContinue={onJoined} />
      ) : (
        <button type="button" className="staff-primary" data-testid="computers-join-open" onClick={() => setOpen(true)}>
          {x.inService.open}
        </button>
      )}
    </section>
  );
}
