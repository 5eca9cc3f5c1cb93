// "Tap the card on the reader now": while open it takes every card tapped (keyboard-wedge burst or HID reader) instead
// of the door, shows the number read, and enrols it only when the admin confirms. A refused card can be tapped again.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolOutcome } from '../../../shared/admin/card-contract.js';
import { useCardCapture } from '../staff/card-capture.js';
import type { CardCredential } from '../staff/use-staff-mode.js';
import type { AdminCall } from './use-admin-call.js';

interface Props {
  call: AdminCall;
  companionId: string;
  companionName: string;
  onEnrolled: (outcome: Extract<EnrolOutcome, { outcome: 'enrolled' }>) => void;
  onCancel: () => void;
}

export function EnrolCardPrompt({ call, companionId, companionName, onEnrolled, onCancel }: Props) {
  const { t } = useTranslation();
  const [card, setCard] = useState<CardCredential | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);

  // A reader types into whatever has focus, and a focused text field keeps its keys from the card reader: the prompt
  // takes the focus so the burst reaches the capture.
  useEffect(() => box.current?.focus(), []);

  useCardCapture(!busy, (read) => {
    setCard(read);
    setProblem(null);
  });

  const confirm = async () => {
    if (!card) return;
    setBusy(true);
    const result = await call('adminEnrolCard', { companionId, raw: card.raw, source: card.source });
    setBusy(false);
    if (!result.ok) return setProblem(t(`errors.${result.error.code}`));
    const outcome = result.value;
    if (outcome.outcome === 'enrolled') return onEnrolled(outcome);
    setCard(null);
    setProblem(t(`admin.companions.refused.${outcome.reason}`, { number: outcome.number ?? '', holder: outcome.holder?.name ?? '' }));
  };

  return (
    <div className="enrol-prompt" role="dialog" aria-modal="true" tabIndex={-1} ref={box} data-testid="enrol-prompt" data-state={card ? 'read' : 'waiting'}>
      <p className="enrol-prompt-title">{t('admin.companions.tapNow')}</p>
      <p className="staff-hint">{t('admin.companions.tapFor', { name: companionName })}</p>
      {card && (
        <p className="enrol-prompt-number" data-testid="enrol-read">
          {t('admin.companions.read', { number: card.raw.trim() })}
        </p>
      )}
      {problem && (
        <p className="staff-refusal" role="alert" data-testid="enrol-problem">
          {problem}
        </p>
      )}
      <div className="staff-row">
        <button type="button" className="staff-primary" data-testid="enrol-confirm" disabled={!card || busy} onClick={() => void confirm()}>
          {t('admin.companions.confirm')}
        </button>
        <button type="button" className="staff-back" data-testid="enrol-cancel" onClick={onCancel}>
          {t('admin.companions.cancel')}
        </button>
      </div>
    </div>
  );
}
