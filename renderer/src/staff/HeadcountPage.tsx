// The headcount for the nurse on the staff screens: the shared page (renderer/src/headcount) with the staff's own
// "count now", which keeps a headcount by hand and sends it to the city.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headcountTexts } from '../../../shared/i18n/staff/headcount-catalogs.js';
import { HeadcountSheet } from '../headcount/HeadcountSheet.js';
import { useLoaded } from './use-loaded.js';
import type { StaffCall } from './use-staff-call.js';

export function HeadcountPage({ call }: { call: StaffCall }) {
  const { i18n } = useTranslation();
  const x = headcountTexts(i18n.language);
  const { value: view, reload } = useLoaded(useCallback(() => call('staffHeadcount', {}), [call]));
  const [byHand, setByHand] = useState<string | null>(null);

  const takeNow = async () => {
    const taken = await call('staffTakeHeadcount', {});
    if (!taken.ok) return;
    setByHand(taken.value.takenAt);
    reload();
  };

  if (view === null) return null;
  return (
    <section className="staff-form" data-testid="headcount-page">
      <HeadcountSheet
        view={view}
        actions={
          <>
            <button type="button" className="staff-action" data-testid="headcount-take" onClick={() => void takeNow()}>
              {x.countNow}
            </button>
            {byHand !== null && (
              <span className="headcount-cut-off" data-testid="headcount-by-hand">
                {x.countedByHand(byHand)}
              </span>
            )}
          </>
        }
      />
    </section>
  );
}
