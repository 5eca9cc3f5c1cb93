// One child on the choose screen: a big toggle, greyed out and inert when this companion may not take the child;
// `askedLeaving` when the offer asks whether the child is leaving so soon after the arrival.
import { useTranslation } from 'react-i18next';
import type { ChildAtDoor } from '../../../shared/api/contract.js';
import { ActionBadge } from './ActionBadge.js';
import { BlockedIcon, CheckIcon } from './icons.js';

export function ChildTile({ child, askedLeaving, selected, onToggle }: { child: ChildAtDoor; askedLeaving: boolean; selected: boolean; onToggle: (id: string) => void }) {
  const { t } = useTranslation();
  const classes = ['child-tile', `tile-${child.action}`, selected ? 'selected' : '', child.allowed ? '' : 'not-allowed'];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      data-testid="child-tile"
      data-child-id={child.id}
      data-selected={String(selected)}
      data-allowed={String(child.allowed)}
      data-action={child.action}
      data-ask-before-leaving={String(askedLeaving)}
      aria-pressed={selected}
      disabled={!child.allowed}
      onClick={() => {
        onToggle(child.id);
      }}
    >
      <span className="tile-mark">
        <TileMark allowed={child.allowed} selected={selected} />
      </span>
      <span className="child-name">{child.firstName}</span>
      <span className="child-group">{child.groupName}</span>
      <ActionBadge kind={child.action}>{t(`choose.${child.action}`)}</ActionBadge>
      {askedLeaving ? (
        // Asked plainly, with when the child came: a second tap minutes after the first is likely a mistake.
        <>
          <span className="leaving-question" data-testid="leaving-question">
            {t('choose.leavingQuestion', { name: child.firstName })}
          </span>
          {child.presentSince !== null && <span className="present-since">{t('choose.arrivedAt', { time: child.presentSince })}</span>}
        </>
      ) : (
        child.presentSince !== null && <span className="present-since">{t('choose.presentSince', { time: child.presentSince })}</span>
      )}
      {!child.allowed && <span className="not-allowed-note">{t('choose.notAllowed')}</span>}
    </button>
  );
}

/** Ticked, empty circle, or barred: the tile's state without reading. */
function TileMark({ allowed, selected }: { allowed: boolean; selected: boolean }) {
  if (!allowed) return <BlockedIcon />;
  return selected ? <CheckIcon /> : <span className="tile-empty" />;
}
