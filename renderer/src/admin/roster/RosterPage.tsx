// The console's Roster page: groups, children and companions with their rights, kept by hand where the kindergarten
// keeps its roster, shown read-only (with the reason) where the city does. Every change goes to the core as one set
// (adminEditRoster), applied whole or refused whole; the core decides, attributes, audits and queues it for the city.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import { rosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-catalogs.js';
import type { RosterEditTexts } from '../../../../shared/i18n/admin/roster-edit-en.js';
import type { AdminCall } from '../use-admin-call.js';
import { useLoadedOnce } from '../use-loaded-once.js';
import { ChildrenSection } from './ChildrenSection.js';
import { CompanionsSection } from './CompanionsSection.js';
import { GroupsSection } from './GroupsSection.js';
import { useRosterEdit, type RosterEdit, type RosterNote } from './use-roster-edit.js';
import './roster.css';

export type RosterSection = 'groups' | 'children' | 'companions';
const SECTIONS: readonly RosterSection[] = ['groups', 'children', 'companions'];

/** The console pages the roster links to: cards are handed out there, and a whole roster comes from a spreadsheet. */
export type LinkedPage = 'companions' | 'cards' | 'rosterImport';

interface Props {
  call: AdminCall;
  today: string;
  onOpenPage: (page: LinkedPage) => void;
}

export function RosterPage({ call, today, onOpenPage }: Props) {
  const { t, i18n } = useTranslation();
  const x = rosterEditTexts(i18n.language);
  const [version, setVersion] = useState(0);
  const view = useLoadedOnce(useCallback(() => call('adminRoster', {}), [call]), version);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const edit = useRosterEdit(call, view, reload);
  if (!view) return <p className="staff-hint">{x.loading}</p>;
  return <RosterContent x={x} view={view} edit={edit} today={today} initialSection="children" pages={{ companions: t('admin.tabs.companions'), cards: t('admin.tabs.cards'), rosterImport: t('admin.tabs.rosterImport') }} onOpenPage={onOpenPage} />;
}

interface ContentProps {
  x: RosterEditTexts;
  view: RosterView;
  edit: RosterEdit;
  today: string;
  initialSection: RosterSection;
  /** The names of the linked pages, as their tabs say them. */
  pages: Record<LinkedPage, string>;
  onOpenPage: (page: LinkedPage) => void;
}

/** The page once the roster is loaded (rendered on its own in tests). */
export function RosterContent({ x, view, edit, today, initialSection, pages, onOpenPage }: ContentProps) {
  const [section, setSection] = useState<RosterSection>(initialSection);
  const banner = !view.editable ? x.banner.readOnly : view.cityEnrolled ? x.banner.sentToCity : x.banner.notEnrolled;
  const props = { x, view, edit, today };
  return (
    <div className="admin-page roster-page" data-testid="admin-roster" data-editable={view.editable} data-section={section}>
      <p className={view.editable ? 'companions-banner' : 'companions-banner companions-banner-city'} role="note" data-testid="roster-banner">
        {banner}
      </p>
      <p className="staff-hint roster-cards-hint">
        {x.cardsHint}{' '}
        <button type="button" className="log-name" data-testid="roster-open-companions" onClick={() => onOpenPage('companions')}>
          {pages.companions}
        </button>{' '}
        <button type="button" className="log-name" data-testid="roster-open-cards" onClick={() => onOpenPage('cards')}>
          {pages.cards}
        </button>
      </p>
      {view.editable && (
        <p className="staff-hint roster-cards-hint">
          {x.importHint}{' '}
          <button type="button" className="log-name" data-testid="roster-open-import" onClick={() => onOpenPage('rosterImport')}>
            {pages.rosterImport}
          </button>
        </p>
      )}
      <div className="staff-row roster-sections" role="tablist">
        {SECTIONS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={section === name} className="admin-tab" data-testid={`roster-section-${name}`} onClick={() => setSection(name)}>
            {x.sections[name]}
          </button>
        ))}
      </div>
      <NoteLine note={edit.note} />
      {section === 'groups' && <GroupsSection {...props} />}
      {section === 'children' && <ChildrenSection {...props} />}
      {section === 'companions' && <CompanionsSection {...props} />}
    </div>
  );
}

function NoteLine({ note }: { note: RosterNote | null }) {
  if (!note) return null;
  const [first, ...problems] = note.lines;
  return (
    <div className={note.failed ? 'staff-refusal' : 'staff-saved'} role={note.failed ? 'alert' : 'status'} data-testid="roster-note" data-failed={note.failed}>
      <p className="roster-note-line">{first}</p>
      {problems.length > 0 && (
        <ul className="roster-problems">
          {problems.map((line, i) => (
            <li key={i} data-testid="roster-problem">
              {line}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
