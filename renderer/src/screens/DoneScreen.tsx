// The receipt: what happened — "Arrived" (green) or "Left" (orange), a heading per kind when one tap did both —
// each child's name and time, then idle. A repeat says "already recorded" above the same headings.
import { useTranslation } from 'react-i18next';
import type { CheckinReceipt, ReceiptEntry } from '../../../shared/api/contract.js';
import type { EventKind } from '../../../shared/domain/attendance.js';
import { ActionBadge } from '../components/ActionBadge.js';
import { CheckIcon, InfoIcon } from '../components/icons.js';
import { ReceiptEntryRow } from '../components/ReceiptEntryRow.js';
import { useAfterFirstPaint } from '../hooks/use-after-paint.js';
import { useTimeout } from '../hooks/use-timeout.js';
import { usePaintedMark } from '../perf/marks.js';
import { playSound, type Sound } from '../sound/sounds.js';

const SHOW_MS = 3000;

interface Props {
  outcome: 'recorded' | 'repeat';
  receipt: CheckinReceipt;
  onTimeout: () => void;
}

const HEADING = { arrival: 'done.headingArrival', departure: 'done.headingDeparture' } as const;

export function DoneScreen({ outcome, receipt, onTimeout }: Props) {
  const { t } = useTranslation();
  usePaintedMark('esik:receipt-visible');
  useTimeout(SHOW_MS, onTimeout);
  // The receipt is on screen first, the sound follows: starting the tones before the frame would hold the frame up.
  useAfterFirstPaint(() => {
    playSound(soundFor(outcome, receipt));
  });
  const groups = byKind(receipt.entries);
  const kinds = groups.length === 1 && groups[0] ? groups[0].kind : 'mixed';

  return (
    <main className={`screen done-screen done-${outcome} done-kinds-${kinds}`} data-testid="done-screen" data-outcome={outcome} data-kinds={kinds}>
      {outcome === 'repeat' && (
        <header className="done-header">
          <InfoIcon className="done-icon" />
          <h1 className="done-title">{t('done.repeat')}</h1>
        </header>
      )}
      <div className="receipt-groups">
        {groups.map(({ kind, entries }) => (
          <section key={kind} className={`receipt-group receipt-${kind}`} data-testid="receipt-group" data-kind={kind}>
            {/* The words say what happened; the colour and the arrow say it again for whoever does not read them. */}
            <h2 className="receipt-heading" data-testid="receipt-heading">
              {/* One kind: the check beside it. Both kinds side by side need the room, and say "recorded" in words. */}
              {outcome === 'recorded' && kinds !== 'mixed' && <CheckIcon className="receipt-heading-icon" />}
              <ActionBadge kind={kind}>{t(HEADING[kind])}</ActionBadge>
            </h2>
            <ul className="receipt">
              {entries.map((entry) => (
                <ReceiptEntryRow key={`${entry.childId}-${entry.kind}`} entry={entry} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {/* Someone taking a child home is wished goodbye, not a good day: one departure on the receipt is enough. */}
      <p className="goodbye">{t(receipt.entries.some((e) => e.kind === 'departure') ? 'done.farewell' : 'done.goodbye')}</p>
    </main>
  );
}

/** Arrivals and departures apart, each kind in the order its first child was recorded. */
function byKind(entries: readonly ReceiptEntry[]): { kind: EventKind; entries: ReceiptEntry[] }[] {
  const groups: { kind: EventKind; entries: ReceiptEntry[] }[] = [];
  for (const entry of entries) {
    const group = groups.find((g) => g.kind === entry.kind);
    if (group) group.entries.push(entry);
    else groups.push({ kind: entry.kind, entries: [entry] });
  }
  return groups;
}

function soundFor(outcome: Props['outcome'], receipt: CheckinReceipt): Sound {
  if (outcome === 'repeat') return 'info';
  return receipt.entries.some((e) => e.kind === 'arrival') ? 'arrival' : 'departure';
}
