// The receipt: recorded (green check) or already recorded (blue info), each child's name and time, then idle.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinReceipt } from '../../../shared/api/contract.js';
import { CheckIcon, InfoIcon } from '../components/icons.js';
import { ReceiptEntryRow } from '../components/ReceiptEntryRow.js';
import { useTimeout } from '../hooks/use-timeout.js';
import { usePaintedMark } from '../perf/marks.js';
import { playSound, type Sound } from '../sound/sounds.js';

const SHOW_MS = 3000;

interface Props {
  outcome: 'recorded' | 'repeat';
  receipt: CheckinReceipt;
  onTimeout: () => void;
}

export function DoneScreen({ outcome, receipt, onTimeout }: Props) {
  const { t } = useTranslation();
  usePaintedMark('esik:receipt-visible');
  useTimeout(SHOW_MS, onTimeout);
  // After the commit: the receipt is on screen first, the sound follows.
  useEffect(() => {
    playSound(soundFor(outcome, receipt));
  }, [outcome, receipt]);

  return (
    <main className={`screen done-screen done-${outcome}`} data-testid="done-screen" data-outcome={outcome}>
      <header className="done-header">
        {outcome === 'recorded' ? <CheckIcon className="done-icon" /> : <InfoIcon className="done-icon" />}
        <h1 className="done-title">{t(`done.${outcome}`)}</h1>
      </header>
      <ul className="receipt">
        {receipt.entries.map((entry) => (
          <ReceiptEntryRow key={`${entry.childId}-${entry.kind}`} entry={entry} />
        ))}
      </ul>
      <p className="goodbye">{t('done.goodbye')}</p>
    </main>
  );
}

function soundFor(outcome: Props['outcome'], receipt: CheckinReceipt): Sound {
  if (outcome === 'repeat') return 'info';
  return receipt.entries.some((e) => e.kind === 'arrival') ? 'arrival' : 'departure';
}
