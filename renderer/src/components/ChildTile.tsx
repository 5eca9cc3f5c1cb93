// One child on the choose screen: a big toggle, greyed out and inert when this companion may not take the child.
// A child the offer asks about ("leaving already?") is no toggle: a card with the question and its own Yes/No
// buttons, so the tap that chooses the others never answers it, and it never looks greyed out or dashed.
import { useTranslation } from 'react-i18next';
import type { ChildAtDoor } from '../../../shared/api/contract.js';
import type { LeavingTexts } from '../../../shared/i18n/door/leaving-en.js';
import type { LeavingAnswer } from '../screens/choose-answers.js';
import { ActionBadge } from './ActionBadge.js';
import { ChildName } from './ChildName.js';
import { BlockedIcon, CheckIcon, CloseIcon } from './icons.js';

export interface LeavingQuestion {
  answer: LeavingAnswer | null;
  texts: LeavingTexts;
  onAnswer: (childId: string, answer: LeavingAnswer) => void;
}

interface Props {
  child: ChildAtDoor;
  /** The leaving question for this child, or null when the child is simply chosen by a tap. */
  leaving: LeavingQuestion | null;
  selected: boolean;
  onToggle: (id: string) => void;
}

export function ChildTile({ child, leaving, selected, onToggle }: Props) {
  const { t } = useTranslation();
  if (leaving !== null && child.allowed) return <AskedTile child={child} leaving={leaving} />;
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
      data-ask-before-leaving={String(leaving !== null)}
      aria-pressed={selected}
      disabled={!child.allowed}
      onClick={() => {
        onToggle(child.id);
      }}
    >
      <span className="tile-mark">
        <TileMark allowed={child.allowed} selected={selected} />
      </span>
      <ChildName name={child.firstName} />
      <span className="child-group">{child.groupName}</span>
      <ActionBadge kind={child.action}>{t(`choose.${child.action}`)}</ActionBadge>
      {child.presentSince !== null && <span className="present-since">{t('choose.presentSince', { time: child.presentSince })}</span>}
      {!child.allowed && <span className="not-allowed-note">{t('choose.notAllowed')}</span>}
    </button>
  );
}

/** Asked plainly, with when the child came (a second tap minutes after the first is likely a mistake), and answered
 * by one of two large buttons; the chosen one is filled and ticked, the other stays outlined. */
function AskedTile({ child, leaving }: { child: ChildAtDoor; leaving: LeavingQuestion }) {
  const { t } = useTranslation();
  const { answer, texts, onAnswer } = leaving;
  const classes = ['child-tile', 'asked-tile', `tile-${child.action}`, answer === null ? '' : `answered-${answer}`];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="child-tile"
      data-child-id={child.id}
      data-selected={String(answer === 'yes')}
      data-allowed="true"
      data-action={child.action}
      data-ask-before-leaving="true"
      data-answer={answer ?? 'none'}
      role="group"
      aria-label={t('choose.leavingQuestion', { name: child.firstName })}
    >
      <ChildName name={child.firstName} />
      <span className="child-group">{child.groupName}</span>
      <span className="leaving-question" data-testid="leaving-question">
        {t('choose.leavingQuestion', { name: child.firstName })}
      </span>
      {child.presentSince !== null && <span className="present-since">{t('choose.arrivedAt', { time: child.presentSince })}</span>}
      <span className="leaving-answers">
        <button
          type="button"
          className={`leaving-answer leaving-yes${answer === 'yes' ? ' chosen' : ''}`}
          data-testid="leaving-yes"
          aria-pressed={answer === 'yes'}
          onClick={() => onAnswer(child.id, 'yes')}
        >
          {answer === 'yes' && <CheckIcon />}
          <span>{texts.yes}</span>
        </button>
        <button
          type="button"
          className={`leaving-answer leaving-no${answer === 'no' ? ' chosen' : ''}`}
          data-testid="leaving-no"
          aria-pressed={answer === 'no'}
          onClick={() => onAnswer(child.id, 'no')}
        >
          {answer === 'no' && <CloseIcon />}
          <span>{texts.no}</span>
        </button>
      </span>
    </div>
  );
}

/** Ticked, empty circle, or barred: the tile's state without reading. */
function TileMark({ allowed, selected }: { allowed: boolean; selected: boolean }) {
  if (!allowed) return <BlockedIcon />;
  return selected ? <CheckIcon /> : <span className="tile-empty" />;
}
