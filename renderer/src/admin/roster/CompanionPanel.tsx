// One companion: their name and relation, and for each child what they may do at the door — bring, collect, or banned
// (a ban outweighs the other two). The details and every right changed are saved together as one set. Removing a
// companion asks first; a removed one can be brought back, with no rights until given again.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { RelationSchema, type Relation } from '../../../../shared/domain/roster.js';
import { fillText } from '../../../../shared/i18n/admin/backups-catalogs.js';
import { ConfirmDanger } from './ConfirmDanger.js';
import { filterChildren, normalisedRight, rightsChanges, type RosterRight } from './roster-model.js';
import type { SectionProps } from './section-props.js';

/** How many children the finder offers at once: enough to pick from, few enough to read. */
const FOUND_AT_MOST = 8;

interface Props extends SectionProps {
  companionId: string;
  /** The companion is no longer one to show (removed from the roster). */
  onClosed: () => void;
}

export function CompanionPanel({ x, view, edit, companionId, onClosed }: Props) {
  const { t } = useTranslation();
  const saved = view.companions.find((c) => c.id === companionId) ?? null;
  const [firstName, setFirstName] = useState(saved?.firstName ?? '');
  const [lastName, setLastName] = useState(saved?.lastName ?? '');
  const [relation, setRelation] = useState<Relation>(saved?.relation ?? 'mother');
  const [rights, setRights] = useState<RosterRight[]>(saved?.rights ?? []);
  const [find, setFind] = useState('');
  const [removing, setRemoving] = useState(false);
  const children = useMemo(() => new Map(view.children.map((c) => [c.id, c])), [view]);
  const groupNames = useMemo(() => new Map(view.groups.map((g) => [g.id, g.name])), [view]);
  const removed = saved !== null && !saved.active;
  const editable = view.editable && !removed;
  const name = `${firstName} ${lastName}`.trim();
  const candidates =
    find.trim() === '' ? [] : filterChildren(view, { groupId: null, query: find, enrolled: true }).filter((c) => !rights.some((r) => r.childId === c.id)).slice(0, FOUND_AT_MOST);
  const ready = firstName.trim() !== '' && lastName.trim() !== '';

  const companion = () => ({ id: companionId, firstName: firstName.trim(), lastName: lastName.trim(), relation });
  const save = () => {
    const details = companion();
    const same = saved !== null && saved.firstName === details.firstName && saved.lastName === details.lastName && saved.relation === details.relation;
    const changes: RosterChange[] = [...(same ? [] : [{ kind: 'companion' as const, companion: details }]), ...rightsChanges(companionId, saved?.rights ?? [], rights)];
    void edit.apply(changes);
  };
  const setRight = (childId: string, patch: Partial<RosterRight>) =>
    setRights((all) => all.map((r) => (r.childId === childId ? normalisedRight({ ...r, ...patch }) : r)));
  const remove = async () => {
    if (await edit.apply([{ kind: 'companion-removed', companionId }])) {
      setRemoving(false);
      onClosed();
    }
  };

  return (
    <section className="companion-panel roster-form" data-testid="roster-companion-panel" data-companion-id={companionId} data-new={saved === null} data-active={!removed}>
      <div className="log-filters">
        <label className="admin-field">
          {x.firstName}
          <input data-testid="roster-companion-first" maxLength={80} disabled={!editable} value={firstName} onChange={(e) => setFirstName(e.target.value)} />
        </label>
        <label className="admin-field">
          {x.lastName}
          <input data-testid="roster-companion-last" maxLength={80} disabled={!editable} value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </label>
        <label className="admin-field">
          {x.companions.relation}
          <select data-testid="roster-companion-relation" disabled={!editable} value={relation} onChange={(e) => setRelation(RelationSchema.catch('other').parse(e.target.value))}>
            {RelationSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(`admin.companions.relations.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {removed && <p className="staff-hint" data-testid="roster-companion-removed">{x.companions.removedHint}</p>}
      <h3>{x.companions.rights}</h3>
      {rights.length === 0 && <p className="staff-hint">{x.companions.noRights}</p>}
      <ul className="roster-list">
        {rights.map((right) => {
          const child = children.get(right.childId);
          return (
            <li key={right.childId} className="roster-row roster-right" data-testid="roster-right" data-child-id={right.childId}>
              <span className="roster-name">{child ? `${child.firstName} ${child.lastName}` : right.childId}</span>
              <span className="log-group">{child ? (groupNames.get(child.groupId) ?? '') : ''}</span>
              <span className="admin-spacer" />
              <label className="roster-check">
                <input type="checkbox" data-testid="roster-right-bring" checked={right.mayBring} disabled={!editable || right.blocked} onChange={(e) => setRight(right.childId, { mayBring: e.target.checked })} />
                {x.companions.mayBring}
              </label>
              <label className="roster-check">
                <input type="checkbox" data-testid="roster-right-collect" checked={right.mayCollect} disabled={!editable || right.blocked} onChange={(e) => setRight(right.childId, { mayCollect: e.target.checked })} />
                {x.companions.mayCollect}
              </label>
              <label className="roster-check roster-check-banned">
                <input type="checkbox" data-testid="roster-right-blocked" checked={right.blocked} disabled={!editable} onChange={(e) => setRight(right.childId, { blocked: e.target.checked })} />
                {x.companions.blocked}
              </label>
              {editable && (
                <button type="button" className="staff-back" data-testid="roster-right-remove" onClick={() => setRights((all) => all.filter((r) => r.childId !== right.childId))}>
                  {x.companions.removeRight}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {editable && (
        <>
          <input
            className="staff-input"
            type="search"
            data-testid="roster-right-find"
            placeholder={x.companions.findChild}
            aria-label={x.companions.findChild}
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
          <ul className="roster-list">
            {candidates.map((c) => (
              <li key={c.id} className="roster-row" data-testid="roster-right-candidate" data-child-id={c.id}>
                <span className="roster-name">
                  {c.firstName} {c.lastName}
                </span>
                <span className="log-group">{groupNames.get(c.groupId) ?? ''}</span>
                <span className="admin-spacer" />
                <button
                  type="button"
                  className="staff-back"
                  data-testid="roster-right-give"
                  onClick={() => {
                    setRights((all) => [...all, { childId: c.id, mayBring: true, mayCollect: true, blocked: false }]);
                    setFind('');
                  }}
                >
                  {x.companions.giveRights}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="staff-row">
        {editable && (
          <button type="button" className="staff-primary" data-testid="roster-companion-save" disabled={edit.busy || !ready} onClick={save}>
            {edit.busy ? x.saving : x.save}
          </button>
        )}
        {editable && saved !== null && (
          <button type="button" className="staff-back roster-danger-quiet" data-testid="roster-companion-remove" disabled={edit.busy} onClick={() => setRemoving(true)}>
            {x.companions.remove}
          </button>
        )}
        {view.editable && removed && (
          <button type="button" className="staff-primary" data-testid="roster-companion-bring-back" disabled={edit.busy} onClick={() => void edit.apply([{ kind: 'companion', companion: companion() }])}>
            {x.companions.bringBack}
          </button>
        )}
      </div>
      {removing && (
        <ConfirmDanger
          title={fillText(x.companions.confirmTitle, { name })}
          text={x.companions.confirmText}
          confirmLabel={x.companions.confirm}
          cancelLabel={x.cancel}
          busy={edit.busy}
          onConfirm={() => void remove()}
          onCancel={() => setRemoving(false)}
        />
      )}
    </section>
  );
}
