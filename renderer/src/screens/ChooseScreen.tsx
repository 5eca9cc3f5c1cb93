// Several children for one card: all allowed ones preselected, tap to leave one out, confirm (or wait for it).
// A departure just after the arrival (the offer's leaving question) is the exception: asked, not preselected, and once
// chosen it waits for a press — the countdown never records it, and the press is the yes the core requires.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChildTile } from '../components/ChildTile.js';
import { CloseIcon, PersonIcon } from '../components/icons.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { useTimeout } from '../hooks/use-timeout.js';
import { usePaintedMark } from '../perf/marks.js';
import type { ChooseScan } from '../state/flow-screen.js';
import { ConfirmButton } from './ConfirmButton.js';

/** With no countdown running (nothing selected, nobody allowed), an abandoned screen goes after this long:
 * children's names should not stay up at the door, and the core forgets the scan after a minute anyway. */
const ABANDONED_MS = 30_000;

interface Props {
  scan: ChooseScan;
  /** leavingNow: the asked children the companion chose by a press (their yes); the core refuses them without it. */
  onConfirm: (offerId: string, childIds: readonly string[], leavingNow: readonly string[]) => void;
  onCancel: () => void;
}

export function ChooseScreen({ scan, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const allowedIds = useMemo(() => scan.children.filter((c) => c.allowed).map((c) => c.id), [scan]);
  const askedIds = useMemo(() => new Set(scan.questions.flatMap((q) => (q.kind === 'leaving-soon-after-arrival' ? [q.childId] : []))), [scan]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(allowedIds.filter((id) => !askedIds.has(id))));
  const anyAllowed = allowedIds.length > 0;
  const askedChosen = [...selected].some((id) => askedIds.has(id));
  // autoConfirmMs 0 means the kindergarten turned auto-confirm off: wait for the button. An asked departure that was
  // chosen is recorded only by a press, never by the countdown.
  const autoConfirmMs = anyAllowed && selected.size > 0 && !askedChosen && scan.autoConfirmMs > 0 ? scan.autoConfirmMs : null;
  // In the order the core listed them, whatever order they were tapped in.
  const chosenIds = scan.children.filter((c) => selected.has(c.id)).map((c) => c.id);
  // The countdown never runs with an asked child chosen, so an asked child here was chosen and confirmed by hand.
  const confirm = () => {
    if (chosenIds.length > 0) onConfirm(scan.offerId, chosenIds, chosenIds.filter((id) => askedIds.has(id)));
  };
  const countdown = useCountdown(autoConfirmMs, confirm);
  useTimeout(autoConfirmMs === null ? ABANDONED_MS : null, onCancel, countdown.round);
  usePaintedMark('esik:choose-visible');

  const toggle = (id: string) => {
    if (!allowedIds.includes(id)) return;
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
    // Someone is still choosing: give them the full time again.
    countdown.restart();
  };

  return (
    <main className="screen choose-screen" data-testid="choose-screen">
      <header className="choose-header">
        <p className="companion">
          <PersonIcon />
          <span>{scan.companionFirstName}</span>
        </p>
        {anyAllowed && <p className="choose-hint">{t(askedIds.size > 0 ? 'choose.leavingHint' : 'choose.hint')}</p>}
      </header>
      <div className="child-tiles">
        {scan.children.map((child) => (
          <ChildTile key={child.id} child={child} askedLeaving={askedIds.has(child.id)} selected={selected.has(child.id)} onToggle={toggle} />
        ))}
      </div>
      <footer className="choose-actions">
        <button type="button" className="cancel-button" data-testid="cancel-button" onClick={onCancel}>
          <CloseIcon />
          <span>{t('choose.cancel')}</span>
        </button>
        {anyAllowed && (
          <ConfirmButton
            enabled={selected.size > 0}
            autoConfirmMs={autoConfirmMs}
            secondsLeft={countdown.secondsLeft}
            round={countdown.round}
            onConfirm={confirm}
          />
        )}
      </footer>
    </main>
  );
}
