// On the damaged-records screen: the newest verified copy the kiosk holds, offered to an admin. The admin types their
// PIN on the keypad; the core checks it against the admins of that copy (the damaged records cannot say who is an
// admin) and restores it. The door stays closed until then; staff keep to paper.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestorableCopy } from '../../../shared/admin/restore-contract.js';
import type { KioskApi } from '../../../shared/api/contract.js';
import { copyCounts, copyWhen } from '../admin/restore-format.js';
import { safeCall } from '../api/safe-call.js';
import { PinPad } from '../staff/PinPad.js';
import '../staff/staff.css';

interface Props {
  api: KioskApi;
  /** The copy is in place: the door reads the kiosk's status again. */
  onRestored: () => Promise<void>;
}

export function RestoreOffer({ api, onRestored }: Props) {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<{ copy: RestorableCopy | null } | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void safeCall(api, 'restoreOffer', {}).then((result) => {
      if (current && result.ok) setOffer(result.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  // No copy, or a problem a copy does not mend (another program holds the file, a newer version wrote it): nothing offered.
  const copy = offer?.copy ?? null;
  if (copy === null) return null;

  const restore = async (pin: string) => {
    setBusy(true);
    setProblem(null);
    const result = await safeCall(api, 'restoreDamaged', { file: copy.file, pin });
    if (result.ok) {
      await onRestored();
      return;
    }
    setBusy(false);
    setProblem(t(`errors.${result.error.code}`));
  };

  return (
    <section className="restore-offer" data-testid="restore-offer" data-file={copy.file}>
      <p>{t('restore.screen.offer', { when: copyWhen(copy), counts: copyCounts(copy, t) })}</p>
      {asking ? (
        <>
          <p className="staff-hint">{t('restore.screen.pinHint')}</p>
          <PinPad busy={busy} onEnter={(pin) => void restore(pin)} />
        </>
      ) : (
        <button type="button" className="staff-primary" data-testid="restore-offer-start" onClick={() => setAsking(true)}>
          {t('restore.screen.start')}
        </button>
      )}
      {problem && (
        <p className="staff-refusal" role="alert" data-testid="restore-offer-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
