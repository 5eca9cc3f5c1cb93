// The admin console's Staff page: the roster's staff with their role, whether a PIN is set, the lock and their staff
// cards. An admin sets or resets a PIN (typed twice on the keypad, never shown; another admin's only after the acting
// admin's own PIN; never the admin's own, which is "Change my PIN"), enrols a staff card by tapping it on the reader,
// withdraws a card, and unlocks an account. Names come from the city's roster and are not edited here.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { formatCardNumber } from '../../../shared/credentials/card-number-display.js';
import { pinWeakness } from '../../../shared/staff/pin-rules.js';
import type { StaffAccount, StaffSession } from '../../../shared/staff/staff-contract.js';
import { useCardCapture } from './card-capture.js';
import { PinSteps } from './PinSteps.js';
import { useKeepAlive } from './use-keep-alive.js';
import { useLoaded } from './use-loaded.js';
import { useStaffCall, type StaffCall } from './use-staff-call.js';
import type { CardCredential } from './use-staff-mode.js';

type Task = { kind: 'pin' | 'card'; account: StaffAccount } | null;
type Message = { text: string; failed: boolean } | null;

const nameOf = (account: StaffAccount): string => `${account.member.firstName} ${account.member.lastName}`;
/** A staff card as printed on it (EM-Marine: ten digits), which is what the admin holds in hand. */
const printed = (canonical: string): string => formatCardNumber(canonical, 'em-decimal');

interface Props {
  api: KioskApi;
  session: StaffSession;
  onEnded: () => void;
}

export function StaffAccountsPage({ api, session, onEnded }: Props) {
  const { t } = useTranslation();
  const call = useStaffCall(api, session.sessionId, onEnded);
  // Typing PINs asks the core nothing until the last one: keep the session open meanwhile, as the staff screens do.
  useKeepAlive((session.idleSeconds * 1000) / 4, () => void call('staffKeepAlive', {}));
  const { value, reload } = useLoaded(useCallback(() => call('staffAccounts', {}), [call]));
  const [task, setTask] = useState<Task>(null);
  const [message, setMessage] = useState<Message>(null);

  const finish = (next: Message) => {
    setMessage(next);
    setTask(null);
    reload();
  };
  /** A one-tap act (withdraw a card, unlock): its answer becomes the page's message, and the list is read again. */
  const simple = async <T,>(request: Promise<Result<T>>, success: string) => {
    const result = await request;
    finish(result.ok ? { text: success, failed: false } : { text: t(`errors.${result.error.code}`), failed: true });
  };

  if (value === null) return <p className="staff-hint">{t('admin.log.loading')}</p>;
  return (
    <div className="admin-page staff-accounts" data-testid="staff-accounts">
      <p className="staff-hint">{t('staff.accounts.cityNamed')}</p>
      {message && (
        <p className={message.failed ? 'staff-refusal' : 'staff-saved'} role="status" data-testid="accounts-message">
          {message.text}
        </p>
      )}
      {task?.kind === 'pin' && <SetPinPanel call={call} account={task.account} onDone={finish} onCancel={() => setTask(null)} onEnded={onEnded} />}
      {task?.kind === 'card' && <EnrolCardPanel call={call} account={task.account} onDone={finish} onCancel={() => setTask(null)} />}
      <ul className="staff-account-list">
        {value.staff.map((account) => (
          <li key={account.member.id} className="staff-account" data-testid="staff-account" data-staff-id={account.member.id}>
            <h3>
              {nameOf(account)} · {t(`staff.home.${account.member.role}`)}
            </h3>
            <p className="staff-hint">
              {t(`staff.accounts.origin.${account.origin}`)} · <span data-testid="account-pin">{account.hasPin ? t('staff.accounts.pinSet') : t('staff.accounts.noPin')}</span>
              {account.lockedUntil !== null && (
                <>
                  {' · '}
                  <strong data-testid="account-locked">{t('staff.accounts.lockedUntil', { time: account.lockedUntil })}</strong>
                </>
              )}
              {account.lockedUntil === null && account.failedAttempts > 0 && <> · {t('staff.accounts.failures', { count: account.failedAttempts })}</>}
            </p>
            <ul className="staff-account-cards">
              {account.cards.length === 0 && <li className="staff-hint">{t('staff.accounts.noCards')}</li>}
              {account.cards.map((card) => (
                <li key={card.id} data-testid="account-card" data-card={card.canonical}>
                  {printed(card.canonical)}{' '}
                  <button
                    type="button"
                    className="staff-action"
                    data-testid="account-card-withdraw"
                    onClick={() => void simple(call('staffWithdrawCard', { cardId: card.id }), t('staff.accounts.cardWithdrawn', { card: printed(card.canonical) }))}
                  >
                    {t('staff.accounts.withdraw')}
                  </button>
                </li>
              ))}
            </ul>
            <div className="staff-row">
              {account.member.id === session.staff.id ? (
                <span className="staff-hint" data-testid="account-own-pin">
                  {t('staff.accounts.ownPin')}
                </span>
              ) : (
                <button type="button" className="staff-action" data-testid="account-set-pin" onClick={() => setTask({ kind: 'pin', account })}>
                  {account.hasPin ? t('staff.accounts.resetPin') : t('staff.accounts.setPin')}
                </button>
              )}
              <button type="button" className="staff-action" data-testid="account-enrol-card" onClick={() => setTask({ kind: 'card', account })}>
                {t('staff.accounts.enrolCard')}
              </button>
              {(account.lockedUntil !== null || account.failedAttempts > 0) && (
                <button
                  type="button"
                  className="staff-action"
                  data-testid="account-unlock"
                  onClick={() => void simple(call('staffUnlock', { staffId: account.member.id }), t('staff.accounts.unlocked', { name: nameOf(account) }))}
                >
                  {t('staff.accounts.unlock')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface PanelProps {
  call: StaffCall;
  account: StaffAccount;
  onDone: (message: Message) => void;
  onCancel: () => void;
}

/**
 * The new PIN typed twice; a weak one or two that differ start over with the reason. Another admin's PIN asks first
 * for the acting admin's own: a wrong one counts towards their lock, and a lock ends the session (the door comes back).
 */
function SetPinPanel({ call, account, onDone, onCancel, onEnded }: PanelProps & { onEnded: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const name = nameOf(account);
  const confirmsWithOwnPin = account.member.role === 'admin';

  const save = async (pins: string[]) => {
    const [adminPin, pin = '', again = ''] = confirmsWithOwnPin ? pins : [undefined, ...pins];
    if (pin !== again) return setRefusal(t('staff.pin.differ'));
    const weak = pinWeakness(pin);
    if (weak) return setRefusal(t(`staff.pin.weak.${weak}`));
    setBusy(true);
    const result = await call('staffSetPin', { staffId: account.member.id, pin, ...(adminPin === undefined ? {} : { adminPin }) });
    setBusy(false);
    if (!result.ok) return onDone({ text: t(`errors.${result.error.code}`), failed: true });
    const outcome = result.value;
    switch (outcome.outcome) {
      case 'set':
        return onDone({ text: t('staff.accounts.pinSaved', { name }), failed: false });
      case 'weak':
        return setRefusal(t(`staff.pin.weak.${outcome.weakness}`));
      case 'wrong-pin':
        return setRefusal(t('staff.pin.wrongYours', { left: outcome.attemptsLeft }));
      case 'locked':
        // The core has already ended the session: whoever typed the PINs is not left in the console.
        return onEnded();
    }
  };
  const prompts = [t('staff.pin.new'), t('staff.pin.again')];

  return (
    <section className="staff-form staff-account-task" data-testid="set-pin-panel">
      <h3>{t('staff.pin.newFor', { name })}</h3>
      {refusal && (
        <p className="staff-refusal" role="alert" data-testid="pin-refusal">
          {refusal}
        </p>
      )}
      <PinSteps prompts={confirmsWithOwnPin ? [t('staff.pin.yours'), ...prompts] : prompts} busy={busy} onDone={(pins) => void save(pins)} />
      <button type="button" className="staff-back" data-testid="account-task-cancel" onClick={onCancel}>
        {t('staff.accounts.cancel')}
      </button>
    </section>
  );
}

/** Waits for a card tapped on the reader (card-capture.ts hands it here rather than to the door). */
function EnrolCardPanel({ call, account, onDone, onCancel }: PanelProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const name = nameOf(account);

  const enrol = async (card: CardCredential) => {
    setBusy(true);
    const result = await call('staffEnrolCard', { staffId: account.member.id, card: { raw: card.raw, source: card.source } });
    setBusy(false);
    if (!result.ok) return onDone({ text: t(`errors.${result.error.code}`), failed: true });
    const outcome = result.value;
    switch (outcome.outcome) {
      case 'enrolled':
        return onDone({ text: t('staff.accounts.cardEnrolled', { card: printed(outcome.card.canonical), name }), failed: false });
      case 'unreadable':
        return setRefusal(t('staff.accounts.unreadable'));
      case 'taken':
        return setRefusal(t('staff.accounts.taken', { name: outcome.ownerName }));
      case 'companion-card':
        return setRefusal(t('staff.accounts.companionCard'));
    }
  };
  useCardCapture(!busy, (card) => void enrol(card));

  return (
    <section className="staff-form staff-account-task" data-testid="enrol-card-panel">
      <p className="staff-hint" data-testid="enrol-card-prompt">
        {t('staff.accounts.tapCard', { name })}
      </p>
      {refusal && (
        <p className="staff-refusal" role="alert" data-testid="enrol-refusal">
          {refusal}
        </p>
      )}
      <button type="button" className="staff-back" data-testid="account-task-cancel" onClick={onCancel}>
        {t('staff.accounts.cancel')}
      </button>
    </section>
  );
}
