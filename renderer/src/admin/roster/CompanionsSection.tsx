// The companions: found by name, those in the roster apart from those removed; choosing one opens their details and
// rights (CompanionPanel). Their cards are handed out on the Companions & cards page.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { VirtualList } from '../VirtualList.js';
import { CompanionPanel } from './CompanionPanel.js';
import { filterCompanions, newRosterRowId } from './roster-model.js';
import type { SectionProps } from './section-props.js';

const NO_MORE = (): void => undefined;

export function CompanionsSection(props: SectionProps) {
  const { x, view } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(true);
  // The companion shown in the panel: one of the roster's, or a new one (its id made when "add" was pressed).
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = useMemo(() => filterCompanions(view, query, active), [view, query, active]);
  const activeCount = view.companions.filter((c) => c.active).length;

  return (
    <section className="roster-section" data-testid="roster-companions">
      <div className="log-filters">
        <input
          className="staff-input admin-search"
          type="search"
          data-testid="roster-companions-search"
          placeholder={x.search}
          aria-label={x.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="admin-tab" aria-pressed={active} data-testid="roster-companions-active" onClick={() => setActive(true)}>
          {fillText(x.companions.active, { count: activeCount })}
        </button>
        <button type="button" className="admin-tab" aria-pressed={!active} data-testid="roster-companions-removed" onClick={() => setActive(false)}>
          {fillText(x.companions.removed, { count: view.companions.length - activeCount })}
        </button>
        <span className="admin-spacer" />
        {view.editable && (
          <button type="button" className="staff-primary" data-testid="roster-companion-add" onClick={() => setChosen(newRosterRowId())}>
            {x.companions.add}
          </button>
        )}
      </div>
      <div className="roster-columns">
        <VirtualList
          items={shown}
          more={false}
          loadMore={NO_MORE}
          estimate={64}
          rowKey={(c) => c.id}
          testId="roster-companions-list"
          footer={shown.length === 0 ? <p className="admin-list-end">{x.companions.none}</p> : null}
          renderRow={(c) => (
            <button
              type="button"
              className="companions-found-item roster-companion-item"
              aria-pressed={chosen === c.id}
              data-testid="roster-companion"
              data-companion-id={c.id}
              data-active={c.active}
              onClick={() => setChosen(c.id)}
            >
              <strong>
                {c.firstName} {c.lastName}
              </strong>{' '}
              <span className="log-group">
                {t(`admin.companions.relations.${c.relation}`)} · {c.rights.length === 0 ? x.companions.noRights : fillText(x.companions.rightsCount, { count: c.rights.length })}
              </span>
            </button>
          )}
        />
        {chosen !== null && <CompanionPanel key={chosen} {...props} companionId={chosen} onClosed={() => setChosen(null)} />}
      </div>
    </section>
  );
}
