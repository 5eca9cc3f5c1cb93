// *Join the kindergarten's other computers* on the Computers page of a computer in service that belongs to no group
// (docs/peers.md §9 "Joining with history"): what joining keeps and what it replaces — the PINs set here give way to
// the group's — then the first run's join form (JoinStep) with the admin's PIN again (peerJoin). Joined, it says how
// staff sign in now and lists the accounts made only here to keep or deactivate (JoinAccountsList); Done reads the
// page again. The admin's own session ends if she deactivates her own account here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { kioskShellTexts } from '../../../shared/i18n/admin/kiosk-shell-catalogs.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import type { ComputersTexts } from '../../../shared/i18n/peers/computers-en.js';
import { joinAccountsTexts } from '../../../shared/i18n/peers/join-accounts-catalogs.js';
import { safeCall } from '../api/safe-call.js';
import { JoinStep, type InServiceJoin } from '../setup/JoinStep.js';
import { whenText } from './diagnostics-format.js';
import { JoinAccountsList } from './JoinAccountsList.js';
import { pinRefusalText } from './this-computer-outcomes.js';

interface Props {
  api: KioskApi;
  sessionId: string;
  x: ComputersTexts;
  onJoined: () => void;
}

export function ComputersJoin({ api, sessionId, x, onJoined }: Props) {
  const { t, i18n } = useTranslation();
  const j = joinAccountsTexts(i18n.language);
  const k = kioskShellTexts(i18n.language);
  const [open, setOpen] = useState(false);
  const inService: InServiceJoin = {
    pinPrompt: j.pinPrompt,
    pinLabel: j.pin,
    join: async (request) => {
      const done = await safeCall(api, 'peerJoin', { sessionId, ...request });
      if (!done.ok) return { refusal: done.error.code === 'INVALID_REQUEST' ? x.badAddress : t(`errors.${done.error.code}`, { defaultValue: done.error.code }) };
      if (done.value.outcome !== 'joined') return { refusal: pinRefusalText(done.value, k, whenText) };
      return { joined: done.value.joined };
    },
    joinedWord: (joined) => (
      <>
        <p data-testid="computers-join-sign-in">{fillText(j.signInThere, { sponsor: joined.sponsor.name })}</p>
        <JoinAccountsList api={api} sessionId={sessionId} sponsor={joined.sponsor.name} j={j} />
      </>
    ),
  };
  return (
    <section className="computers-join" data-testid="computers-join" aria-label={x.inService.title}>
      <h3>{x.inService.title}</h3>
      <p>{x.inService.intro}</p>
      <p className="staff-refusal" data-testid="computers-join-pins">
        {x.inService.pins}
      </p>
      {open ? (
        <JoinStep api={api} sessionId={sessionId} x={x} inService={inService} continueLabel={x.inService.done} onBack={() => setOpen(false)} onContinue={onJoined} />
      ) : (
        <button type="button" className="staff-primary" data-testid="computers-join-open" onClick={() => setOpen(true)}>
          {x.inService.open}
        </button>
      )}
    </section>
  );
}
