// A signed-in staff member changes their own PIN: the current one, then the new one twice. A weak new PIN is refused
// with the reason before anything is sent; a wrong current PIN counts towards the lock, as at sign-in, and the lock
// ends the session at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinWeakness } from '../../../shared/staff/pin-rules.js';
import { PinSteps } from './PinSteps.js';
import type { StaffCall } from './use-staff-call.js';

interface Props {
  call: StaffCall;
  onDone: (text: string) => void;
  /** The core ended the session (the account locked): back to the door now, not at the next keep-alive. */
  onEnded: () => void;
}

export function OwnPinPage({ call, onDone, onEnded }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const change = async ([oldPin = '', newPin = '', again = '']: string[]) => {
    if (newPin !== again) return setRefusal(t('staff.pin.differ'));
    const weak = pinWeakness(newPin);
    if (weak) return setRefusal(t(`staff.pin.weak.${weak}`));
    setBusy(true);
    const result = await call('staffChangeOwnPin', { oldPin, newPin });
    setBusy(false);
    if (!result.ok) return setRefusal(t(`errors.${result.error.code}`));
    const outcome = result.value;
    switch (outcome.outcome) {
      case 'changed':
        return onDone(t('staff.pin.changed'));
      case 'weak':
        return setRefusal(t(`staff.pin.weak.${outcome.weakness}`));
      case 'wrong-pin':
        return setRefusal(t('staff.pin.wrongOld', { left: outcome.attemptsLeft }));
      case 'locked':
        // The core has already ended the session: the staff menu must not stay up for whoever stands here.
        return onEnded();
    }
  };

  return (
    <section className="staff-form" data-testid="own-pin-page">
      {refusal && (
        <p className="staff-refusal" role="alert" data-testid="pin-refusal">
          {refusal}
        </p>
      )}
      <PinSteps prompts={[t('staff.pin.old'), t('staff.pin.new'), t('staff.pin.again')]} busy={busy} onDone={(pins) => void change(pins)} />
    </section>
  );
}
