// The first run's second question, after the role (docs/peers.md §3 "The exchange", step 2): *A new kindergarten*
// (the setup goes on with its name, as before) or *Join a kindergarten that already has Esik* (JoinStep: the other
// computer's address and code, this computer's name). Asked only while nothing of a kindergarten is here yet.
import { useState, type ReactNode } from 'react';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import type { SetupView } from '../../../shared/setup/setup-contract.js';
import { JoinStep } from './JoinStep.js';

interface Props {
  api: KioskApi;
  view: SetupView;
  sessionId: string | undefined;
  x: ComputersTexts;
  /** Joined, and the admin pressed Continue: the setup goes on from its first step not done. */
  onContinue: () => void;
  /** The name step, shown for a new kindergarten. */
  children: ReactNode;
}

export function JoinOrNew({ api, view, sessionId, x, onContinue, children }: Props) {
  const [choice, setChoice] = useState<'ask' | 'new' | 'join'>('ask');
  // A kindergarten already named here (typed, or taken from the group joined) has answered the question.
  const asked = !view.finished && view.name === null;
  if (choice === 'join') return <JoinStep api={api} sessionId={sessionId} x={x} onBack={() => setChoice('ask')} onContinue={onContinue} />;
  if (!asked || choice === 'new') return <>{children}</>;
  return (
    <div data-testid="setup-join-or-new" className="setup-roles">
      <p>{x.join.prompt}</p>
      <button type="button" className="staff-choice setup-role" data-testid="setup-kindergarten-new" onClick={() => setChoice('new')}>
        <strong>{x.join.fresh}</strong>
        <span>{x.join.freshHint}</span>
      </button>
      <button type="button" className="staff-choice setup-role" data-testid="setup-kindergarten-join" onClick={() => setChoice('join')}>
        <strong>{x.join.join}</strong>
        <span>{x.join.joinHint}</span>
      </button>
    </div>
  );
}
