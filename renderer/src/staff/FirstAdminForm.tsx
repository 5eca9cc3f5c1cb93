// Setting up the kindergarten's first administrator: name and a PIN typed twice; signed in at once. The PIN holds
// every key of the kiosk, so a guessable one (0000, 1212, 1234) is refused with the reason, here and by the core.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { StaffSession } from '../../../shared/staff/staff-contract.js';
import { pinWeakness } from '../../../shared/staff/pin-rules.js';
import { PinSchema } from '../../../shared/staff/staff-domain.js';
import { safeCall } from '../api/safe-call.js';

interface Props {
  api: KioskApi;
  onSignedIn: (session: StaffSession) => void;
  onBack: () => void;
}

export function FirstAdminForm({ api, onSignedIn, onBack }: Props) {
  const { t } = useTranslation();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    if (pin !== pinAgain) return setError(t('staff.signIn.pinsDiffer'));
    const weak = pinWeakness(pin);
    if (weak) return setError(t(`staff.pin.weak.${weak}`));
    const result = await safeCall(api, 'staffCreateFirstAdmin', { firstName, lastName, pin });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    if (result.value.outcome === 'weak') return setError(t(`staff.pin.weak.${result.value.weakness}`));
    onSignedIn(result.value.session);
  };
  const ready = firstName.trim() !== '' && lastName.trim() !== '' && PinSchema.safeParse(pin).success;

  return (
    <main className="screen staff-screen" data-testid="first-admin-form">
      <h1 className="staff-title">{t('staff.signIn.firstAdmin')}</h1>
      <label className="staff-field">
        {t('staff.signIn.firstName')}
        <input value={firstName} maxLength={80} onChange={(e) => setFirstName(e.target.value)} />
      </label>
      <label className="staff-field">
        {t('staff.signIn.lastName')}
        <input value={lastName} maxLength={80} onChange={(e) => setLastName(e.target.value)} />
      </label>
      <label className="staff-field">
        {t('staff.signIn.pin')}
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label className="staff-field">
        {t('staff.signIn.pinAgain')}
        <input type="password" inputMode="numeric" autoComplete="off" value={pinAgain} maxLength={8} onChange={(e) => setPinAgain(e.target.value.replace(/\D/g, ''))} />
      </label>
      {error && (
        <p className="staff-refusal" role="alert" data-testid="first-admin-refusal">
          {error}
        </p>
      )}
      <div className="staff-row">
        <button type="button" className="staff-back" onClick={onBack}>
          {t('staff.home.back')}
        </button>
        <button type="button" className="staff-primary" disabled={!ready} onClick={() => void create()}>
          {t('staff.signIn.create')}
        </button>
      </div>
    </main>
  );
}
