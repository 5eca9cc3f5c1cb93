// A signed-in staff member's screens: the menu, and from it overrides, absences, the headcount, closing time and
// today's records. The name and role stay on top with the sign-out button.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../shared/api/contract.js';
import type { StaffChild, StaffSession } from '../../../shared/staff/staff-contract.js';
import { kioskLocalTime } from '../state/kiosk-zone.js';
import { AbsenceForm } from './AbsenceForm.js';
import { ChildPicker } from './ChildPicker.js';
import { ClosingPage } from './ClosingPage.js';
import { EventsPage } from './EventsPage.js';
import { HeadcountPage } from './HeadcountPage.js';
import { OverrideForm } from './OverrideForm.js';
import { OwnPinPage } from './OwnPinPage.js';
import { PaperDayPage } from './PaperDayPage.js';
import { paperDayTexts } from '../../../shared/i18n/staff/paper-day-catalogs.js';
import { ReturnAlerts } from './ReturnAlerts.js';
import { StaffAlertList } from './StaffAlertList.js';
import { useKeepAlive } from './use-keep-alive.js';
import { useStaffCall } from './use-staff-call.js';
import type { StaffStartPage } from './use-staff-mode.js';

type Page =
  | { kind: 'home' }
  | { kind: 'override' | 'absence'; child: StaffChild | null }
  | { kind: 'headcount' }
  | { kind: 'closing' }
  | { kind: 'events' }
  | { kind: 'pin' }
  | { kind: 'paper-day' };

const MENU = ['override', 'absence', 'headcount', 'closing', 'events', 'pin'] as const;

interface Props {
  api: KioskApi;
  session: StaffSession;
  /** The page staff came for (the closing-time alert), instead of the menu. */
  startPage?: StaffStartPage | null;
  onSignOut: () => void;
  onEnded: () => void;
  /** Opens the admin console: offered in the menu to admins only. */
  onOpenAdmin?: (() => void) | undefined;
}

export function SessionScreen({ api, session, startPage = null, onSignOut, onEnded, onOpenAdmin }: Props) {
  const { t, i18n } = useTranslation();
  const paperDay = paperDayTexts(i18n.language);
  const call = useStaffCall(api, session.sessionId, onEnded);
  // A quarter of the idle time: the core hears of work on the screen well before it would end the session.
  useKeepAlive((session.idleSeconds * 1000) / 4, () => void call('staffKeepAlive', {}));
  const [page, setPage] = useState<Page>(startPage === null ? { kind: 'home' } : { kind: startPage });
  const [message, setMessage] = useState<string | null>(null);
  const done = useCallback((text: string) => {
    setMessage(text);
    setPage({ kind: 'home' });
  }, []);
  const open = (kind: (typeof MENU)[number] | 'paper-day') => {
    setMessage(null);
    setPage(kind === 'override' || kind === 'absence' ? { kind, child: null } : { kind });
  };
  // The kindergarten's day (the core's zone, from its status), whatever zone the browser is in.
  const today = kioskLocalTime().localDate;

  return (
    <main className="screen staff-screen" data-testid="staff-session" data-page={page.kind}>
      <header className="staff-header">
        <span className="staff-who" data-testid="staff-who">
          {session.staff.firstName} {session.staff.lastName} · {t(`staff.home.${session.staff.role}`)}
        </span>
        {page.kind !== 'home' && (
          <button type="button" className="staff-back" data-testid="staff-page-back" onClick={() => setPage({ kind: 'home' })}>
            {t('staff.home.back')}
          </button>
        )}
        <button type="button" className="staff-back" data-testid="staff-sign-out" onClick={onSignOut}>
          {t('staff.home.signOut')}
        </button>
      </header>
      {page.kind !== 'home' && <h1 className="staff-title">{page.kind === 'paper-day' ? paperDay.menu : t(`staff.home.${page.kind}`)}</h1>}
      <div className="staff-page">
        {page.kind === 'home' && (
          <>
            {message && (
              <p className="staff-saved" role="status" data-testid="staff-saved">
                {message}
              </p>
            )}
            <StaffAlertList api={api} call={call} today={today} onOpenClosing={() => open('closing')} />
            <ReturnAlerts call={call} />
            <ul className="staff-menu">
              {MENU.map((kind) => (
                <li key={kind}>
                  <button type="button" className="staff-menu-item" data-testid={`staff-menu-${kind}`} onClick={() => open(kind)}>
                    {t(`staff.home.${kind}`)}
                  </button>
                </li>
              ))}
              {session.staff.role === 'admin' && (
                <li>
                  <button type="button" className="staff-menu-item" data-testid="staff-menu-paper-day" onClick={() => open('paper-day')}>
                    {paperDay.menu}
                  </button>
                </li>
              )}
              {session.staff.role === 'admin' && onOpenAdmin && (
                <li>
                  <button type="button" className="staff-menu-item staff-menu-admin" data-testid="admin-open" onClick={onOpenAdmin}>
                    {t('admin.open')}
                  </button>
                </li>
              )}
            </ul>
          </>
        )}
        {(page.kind === 'override' || page.kind === 'absence') && page.child === null && (
          <ChildPicker call={call} onPick={(child) => setPage({ kind: page.kind, child })} />
        )}
        {page.kind === 'override' && page.child !== null && <OverrideForm key={page.child.id} call={call} child={page.child} onDone={done} />}
        {page.kind === 'absence' && page.child !== null && <AbsenceForm key={page.child.id} call={call} child={page.child} today={today} onDone={done} />}
        {page.kind === 'headcount' && <HeadcountPage call={call} />}
        {page.kind === 'closing' && <ClosingPage call={call} />}
        {page.kind === 'events' && <EventsPage call={call} />}
        {page.kind === 'paper-day' && <PaperDayPage call={call} today={today} onDone={done} />}
        {page.kind === 'pin' && <OwnPinPage call={call} onDone={done} onEnded={onEnded} />}
      </div>
    </main>
  );
}
