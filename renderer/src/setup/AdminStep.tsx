// The first administrator: a name and a PIN typed twice, weak PINs refused here and by the core (the staff PIN rules).
// Once there is one, a reloaded screen asks them to sign in with their PIN to go on.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { SetupTexts } from '../../../shared/i18n/setup/setup-en.js';
import { pinWeakness } from '../../../shared/staff/pin-rules.js';
import type { StaffMember, StaffSession } from '../../../shared/staff/staff-contract.js';
import { PinSchema } from '../../../shared/staff/staff-domain.js';
import { safeCall } from '../api/safe-call.js';

interface Props {
  api: KioskApi;
  texts: SetupTexts;
  adminExists: boolean;
  session: StaffSession | null;
  onSession: (session: StaffSession) => void;
}

export function AdminStep({ api, texts, adminExists, session, onSession }: Props) {
  const { t } = useTranslation();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [admins, setAdmins] = useState<StaffMember[]>([]);

  useEffect(() => {
    if (!adminExists || session) return;
    void safeCall(api, 'staffSignInOptions', {}).then((result) => {
      if (result.ok) setAdmins(result.value.staff.filter((member) => member.role === 'admin'));
    });
  }, [api, adminExists, session]);

  if (session) return <p data-testid="setup-admin-exists">{texts.admin.exists.replace('{name}', `${session.staff.firstName} ${session.staff.lastName}`)}</p>;

  if (adminExists) {
    const admin = admins[0];
    const signIn = async () => {
      if (!admin) return;
      const result = await safeCall(api, 'staffSignIn', { who: { kind: 'staff', staffId: admin.id }, pin });
      setPin('');
      if (!result.ok) return setError(t(`errors.${result.error.code}`));
      if (result.value.outcome === 'signed-in') onSession(result.value.session);
      else setError(texts.admin.wrongPin);
    };
    return (
      <div data-testid="setup-admin-sign-in">
        <p>{texts.admin.signInPrompt}</p>
        {admin && <p>{`${admin.firstName} ${admin.lastName}`}</p>}
        <label className="staff-field">
          {texts.admin.pin}
          <input data-testid="setup-admin-sign-in-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
        </label>
        {error && <p className="staff-refusal" role="alert">{error}</p>}
        <button type="button" className="staff-primary" data-testid="setup-admin-sign-in-button" disabled={!admin || !PinSchema.safeParse(pin).success} onClick={() => void signIn()}>
          {texts.admin.signIn}
        </button>
      </div>
    );
  }

  const create = async () => {
    if (pin !== pinAgain) return setError(texts.admin.pinsDiffer);
    const weak = pinWeakness(pin);
    if (weak) return setError(t(`staff.pin.weak.${weak}`));
    const result = await safeCall(api, 'setupCreateAdmin', { firstName, lastName, pin });
    if (!result.ok) return setError(t(`errors.${result.error.code}`));
    if (result.value.outcome === 'weak') return setError(t(`staff.pin.weak.${result.value.weakness}`));
    onSession(result.value.session);
  };
  const ready = firstName.trim() !== '' && lastName.trim() !== '' && PinSchema.safeParse(pin).success;
  return (
    <div data-testid="setup-admin-form">
      <p>{texts.admin.prompt}</p>
      <label className="staff-field">
        {texts.admin.firstName}
        <input data-testid="setup-admin-first-name" value={firstName} maxLength={80} onChange={(e) => setFirstName(e.target.value)} />
      </label>
      <label className="staff-field">
        {texts.admin.lastName}
        <input data-testid="setup-admin-last-name" value={lastName} maxLength={80} onChange={(e) => setLastName(e.target.value)} />
      </label>
      <label className="staff-field">
        {texts.admin.pin}
        <input data-testid="setup-admin-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
      </label>
      <label className="staff-field">
        {texts.admin.pinAgain}
        <input data-testid="setup-admin-pin-again" type="password" inputMode="numeric" autoComplete="off" value={pinAgain} maxLength={8} onChange={(e) => setPinAgain(e.target.value.replace(/\D/g, ''))} />
      </label>
      {error && (
        <p className="staff-refusal" role="alert" data-testid="setup-admin-refusal">
          {error}
        </p>
      )}
      <button type="button" className="staff-primary" data-testid="setup-admin-create" disabled={!ready} onClick={() => void create()}>
        {texts.admin.create}
      </button>
    </div>
  );
}
