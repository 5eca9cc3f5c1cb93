// Staff sign-in: choose your name (or tap your staff card), then the PIN. Wrong PINs say how many tries are left;
// a locked account says until when. The first admin is set up here when none exists.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi, RequestValue } from '../../../shared/api/contract.js';
import type { SignInOutcome, StaffMember, StaffSession } from '../../../shared/staff/staff-contract.js';
import { safeCall } from '../api/safe-call.js';
import { FirstAdminForm } from './FirstAdminForm.js';
import { PinPad } from './PinPad.js';
import type { CardCredential } from './use-staff-mode.js';

type Options = RequestValue<'staffSignInOptions'>;
type Who = { kind: 'staff'; member: StaffMember } | { kind: 'card'; card: CardCredential };
type Refusal = Exclude<SignInOutcome, { outcome: 'signed-in' }>;

interface Props {
  api: KioskApi;
  /** A staff card read on the sign-in screen; StaffScreen mounts a fresh sign-in for each card read. */
  card: CardCredential | null;
  onSignedIn: (session: StaffSession) => void;
  /** Back to the door; none on the office, where the sign-in is the first screen. */
  onBack?: (() => void) | undefined;
  /** The office has no card reader: no "or tap your staff card" there. */
  noReader?: boolean;
}

export function SignInScreen({ api, card, onSignedIn, onBack, noReader = false }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Options | null>(null);
  // A staff card tapped here picks its owner; the PIN follows.
  const [chosen, setChosen] = useState<Who | null>(card === null ? null : { kind: 'card', card });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [settingUp, setSettingUp] = useState(false);

  useEffect(() => {
    let current = true;
    void safeCall(api, 'staffSignInOptions', {}).then((result) => {
      if (current && result.ok) setOptions(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const signIn = async (pin: string) => {
    if (chosen === null) return;
    setBusy(true);
    const who = chosen.kind === 'staff' ? { kind: 'staff' as const, staffId: chosen.member.id } : { kind: 'card' as const, raw: chosen.card.raw, source: chosen.card.source };
    const result = await safeCall(api, 'staffSignIn', { who, pin });
    setBusy(false);
    if (!result.ok) return setRefusal({ outcome: 'unknown' });
    if (result.value.outcome === 'signed-in') return onSignedIn(result.value.session);
    setRefusal(result.value);
  };

  if (settingUp) return <FirstAdminForm api={api} onSignedIn={onSignedIn} onBack={() => setSettingUp(false)} />;

  return (
    <main className="screen staff-screen" data-testid="staff-sign-in">
      <h1 className="staff-title">{t('staff.signIn.title')}</h1>
      {chosen === null ? (
        <>
          {options && options.mode === 'name-or-card' && options.staff.length > 0 && (
            <>
              <p className="staff-hint">{t('staff.signIn.chooseName')}</p>
              <ul className="staff-grid staff-name-grid">
                {options.staff.map((member) => (
                  <li key={member.id}>
                    <button type="button" className="staff-choice" data-testid="staff-name" data-staff-id={member.id} onClick={() => setChosen({ kind: 'staff', member })}>
                      {member.firstName} {member.lastName}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {options && options.mode === 'name-or-card' && options.staff.length === 0 && <p className="staff-hint">{t('staff.signIn.noStaff')}</p>}
          {!noReader && <p className="staff-hint">{options?.mode === 'card-only' ? t('staff.signIn.tapCard') : t('staff.signIn.orTapCard')}</p>}
          {options?.needsFirstAdmin && (
            <button type="button" className="staff-action" data-testid="first-admin" onClick={() => setSettingUp(true)}>
              {t('staff.signIn.firstAdmin')}
            </button>
          )}
        </>
      ) : (
        <>
          <p className="staff-hint" data-testid="pin-for">
            {chosen.kind === 'staff' ? t('staff.signIn.pinFor', { name: `${chosen.member.firstName} ${chosen.member.lastName}` }) : t('staff.signIn.cardRead')}
          </p>
          {refusal && <SignInRefusal refusal={refusal} />}
          <PinPad busy={busy} onEnter={(pin) => void signIn(pin)} />
        </>
      )}
      {(chosen !== null || onBack) && (
        <button
          type="button"
          className="staff-back"
          data-testid="staff-back"
          onClick={() => {
            if (chosen === null) return onBack?.();
            setChosen(null);
            setRefusal(null);
          }}
        >
          {chosen === null ? t('staff.signIn.back') : t('staff.home.back')}
        </button>
      )}
    </main>
  );
}

function SignInRefusal({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  const text =
    refusal.outcome === 'wrong-pin'
      ? t('staff.signIn.wrongPin', { left: refusal.attemptsLeft })
      : refusal.outcome === 'locked'
        ? t('staff.signIn.locked', { time: refusal.until })
        : t('staff.signIn.unknown');
  return (
    <p className="staff-refusal" role="alert" data-testid="sign-in-refusal" data-outcome={refusal.outcome}>
      {text}
    </p>
  );
}
