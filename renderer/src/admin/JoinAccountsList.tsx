// After the console's join (docs/peers.md §9 "Joining with history"): the accounts made only on this computer, each
// to keep or deactivate, those the group has by name chosen for deactivation until the admin says otherwise. The
// group's accounts come as records in the minutes after the join, so the list is read again until the page is left;
// the core decides what is this computer's own and refuses anything else. An admin who deactivates her own account
// here ends her session: the page then says how she signs in now.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import { fillText } from '../../../shared/i18n/fill-text.js';
import type { JoinAccountsTexts } from '../../../shared/i18n/peers/join-accounts-en.js';
import type { JoinAccount, JoinAccounts } from '../../../shared/peers/join-accounts.js';
import { safeCall } from '../api/safe-call.js';

/** How often the list looks whether the group's accounts have come. */
const LOOK_MS = 3_000;

type Choice = 'keep' | 'deactivate';

interface Props {
  api: KioskApi;
  sessionId: string;
  /** The computer joined, as the texts name it. */
  sponsor: string;
  j: JoinAccountsTexts;
}

export function JoinAccountsList({ api, sessionId, sponsor, j }: Props) {
  const { t } = useTranslation();
  const [list, setList] = useState<JoinAccounts | null>(null);
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const [ended, setEnded] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (ended) return;
    let current = true;
    const look = () =>
      void safeCall(api, 'peerJoinAccounts', { sessionId }).then((result) => {
        if (!current) return;
        if (result.ok) return setList(result.value);
        if (result.error.code === 'STAFF_SESSION_ENDED') setEnded(true);
      });
    look();
    const timer = setInterval(look, LOOK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, sessionId, ended, version]);

  // The admin's choice, else the rule's: deactivate where the group has the name.
  const choiceOf = (a: JoinAccount): Choice => chosen[a.staffId] ?? (a.sameNameInGroup ? 'deactivate' : 'keep');
  const toDeactivate = list?.accounts.filter((a) => choiceOf(a) === 'deactivate').map((a) => a.staffId) ?? [];
  const apply = async () => {
    setBusy(true);
    setNote(null);
    const done = await safeCall(api, 'peerJoinDeactivate', { sessionId, staffIds: toDeactivate });
    setBusy(false);
    if (!done.ok) return setNote({ text: t(`errors.${done.error.code}`, { defaultValue: done.error.code }), failed: true });
    setNote({ text: fillText(j.deactivated, { count: done.value.deactivated }), failed: false });
    setVersion((v) => v + 1);
  };

  if (ended) {
    return (
      <section className="join-accounts" data-testid="join-accounts" aria-label={j.title}>
        <p role="status" data-testid="join-accounts-ended">
          {fillText(j.ownGone, { sponsor })}
        </p>
      </section>
    );
  }
  return (
    <section className="join-accounts" data-testid="join-accounts" aria-label={j.title}>
      <h3>{j.title}</h3>
      {list !== null && list.accounts.length === 0 && <p data-testid="join-accounts-none">{j.none}</p>}
      {list !== null && list.accounts.length > 0 && (
        <>
          <p>{fillText(j.intro, { sponsor })}</p>
          {list.groupAccounts === 0 && (
            <p className="staff-hint" role="status" data-testid="join-accounts-waiting">
              {fillText(j.waiting, { sponsor })}
            </p>
          )}
          <ul className="join-accounts-list">
            {list.accounts.map((a) => (
              <AccountRow key={a.staffId} account={a} choice={choiceOf(a)} sponsor={sponsor} j={j} disabled={busy} onChoose={(c) => setChosen((was) => ({ ...was, [a.staffId]: c }))} />
            ))}
          </ul>
          <button type="button" className="staff-primary" data-testid="join-accounts-apply" disabled={busy || toDeactivate.length === 0 || list.groupAccounts === 0} onClick={() => void apply()}>
            {j.apply}
          </button>
        </>
      )}
      {note && (
        <p className={note.failed ? 'staff-refusal' : 'staff-hint'} role="status" data-testid="join-accounts-result">
          {note.text}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  account: JoinAccount;
  choice: Choice;
  sponsor: string;
  j: JoinAccountsTexts;
  disabled: boolean;
  onChoose: (choice: Choice) => void;
}

function AccountRow({ account, choice, sponsor, j, disabled, onChoose }: RowProps) {
  const name = `${account.firstName} ${account.lastName}`;
  return (
    <li className="join-account" data-testid="join-account" data-staff-id={account.staffId} data-choice={choice} data-same-name={account.sameNameInGroup}>
      <span className="join-account-name">{name}</span>
      <span className="computers-tag">{j.roles[account.role]}</span>
      {account.sameNameInGroup && (
        <span className="staff-hint" data-testid="join-account-same">
          {fillText(j.sameName, { sponsor })}
        </span>
      )}
      <span className="join-account-choice" role="group" aria-label={name}>
        {(['keep', 'deactivate'] as const).map((c) => (
          <button
            key={c}
            type="button"
            className={choice === c ? 'staff-primary' : 'staff-back'}
            aria-pressed={choice === c}
            data-testid={`join-account-${c}`}
            disabled={disabled}
            onClick={() => onChoose(c)}
          >
            {c === 'keep' ? j.keep : j.deactivate}
          </button>
        ))}
      </span>
    </li>
  );
}
