// Several children for one card: all allowed ones preselected, tap to leave one out, confirm (or wait for it).
// A departure just after the arrival (the offer's leaving question) is the exception: asked with its own Yes/No
// buttons, never preselected. Alone on the screen, the answer itself decides (Yes records at once, No goes back to the
// door); beside other children, the answers go with the one Confirm. The Yes is the yes the core requires.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leavingTexts } from '../../../shared/i18n/door/leaving-catalogs.js';
import { ChildTile } from '../components/ChildTile.js';
import { CloseIcon, PersonIcon } from '../components/icons.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { useTimeout } from '../hooks/use-timeout.js';
import { usePaintedMark } from '../perf/marks.js';
import type { ChooseScan } from '../state/flow-screen.js';
import { answeredAlone, confirmArgs, initialChoice, withAnswer, withToggled, type ChooseChoice, type LeavingAnswer } from './choose-answers.js';
import { ConfirmButton } from './ConfirmButton.js';

/** With no countdown running (nothing selected, nobody allowed), an abandoned screen goes after this long:
 * children's names should not stay up at the door, and the core forgets the scan after a minute anyway. */
const ABANDONED_MS = 30_000;

interface Props {
  scan: ChooseScan;
  /** leavingNow: the asked children the companion answered yes for; the core refuses them without it. */
  onConfirm: (offerId: string, childIds: readonly string[], leavingNow: readonly string[]) => void;
  onCancel: () => void;
}

export function ChooseScreen({ scan, onConfirm, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const x = leavingTexts(i18n.language);
  const askedIds = useMemo(() => new Set(scan.questions.flatMap((q) => (q.kind === 'leaving-soon-after-arrival' ? [q.childId] : []))), [scan]);
  const [choice, setChoice] = useState<ChooseChoice>(() => initialChoice(scan.children, askedIds));
  const anyAllowed = scan.children.some((c) => c.allowed);
  const args = confirmArgs(scan.children, choice);
  const alone = answeredAlone(scan.children, askedIds, choice);
  // autoConfirmMs 0 means the kindergarten turned auto-confirm off: wait for the button. With only asked children the
  // answers decide, so there is no countdown and no Confirm.
  const autoConfirmMs = anyAllowed && alone === null && args.childIds.length > 0 && scan.autoConfirmMs > 0 ? scan.autoConfirmMs : null;
  const confirm = () => {
    if (args.childIds.length > 0) onConfirm(scan.offerId, args.childIds, args.leavingNow);
  };
  const countdown = useCountdown(autoConfirmMs, confirm);
  useTimeout(autoConfirmMs === null ? ABANDONED_MS : null, onCancel, countdown.round);
  usePaintedMark('esik:choose-visible');

  const toggle = (id: string) => {
    if (askedIds.has(id) || !scan.children.some((c) => c.id === id && c.allowed)) return;
    setChoice((current) => withToggled(current, id));
    // Someone is still choosing: give them the full time again.
    countdown.restart();
  };
  const answer = (id: string, value: LeavingAnswer) => {
    const next = withAnswer(choice, id, value);
    setChoice(next);
    countdown.restart();
    // The answer that completes an asked-only screen is the companion's whole decision: send it, or back to the door.
    const decided = answeredAlone(scan.children, askedIds, next);
    if (decided === 'record') {
      const sent = confirmArgs(scan.children, next);
      onConfirm(scan.offerId, sent.childIds, sent.leavingNow);
    } else if (decided === 'nothing') {
      onCancel();
    }
  };

  const hint = askedIds.size === 0 ? t('choose.hint') : alone === null ? x.mixedHint : x.onlyAskedHint;
  return (
    <main className="screen choose-screen" data-testid="choose-screen">
      <header className="choose-header">
        <p className="companion">
          <PersonIcon />
          <span>{scan.companionFirstName}</span>
        </p>
        {anyAllowed && <p className="choose-hint">{hint}</p>}
      </header>
      <div className="child-tiles">
        {scan.children.map((child) => (
          <ChildTile
            key={child.id}
            child={child}
            leaving={askedIds.has(child.id) ? { answer: choice.answers.get(child.id) ?? null, texts: x, onAnswer: answer } : null}
            selected={askedIds.has(child.id) ? choice.answers.get(child.id) === 'yes' : choice.selected.has(child.id)}
            onToggle={toggle}
          />
        ))}
      </div>
      <footer className="choose-actions">
        <button type="button" className="cancel-button" data-testid="cancel-button" onClick={onCancel}>
          <CloseIcon />
          <span>{t('choose.cancel')}</span>
        </button>
        {anyAllowed && alone === null && (
          <ConfirmButton
            enabled={args.childIds.length > 0}
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
