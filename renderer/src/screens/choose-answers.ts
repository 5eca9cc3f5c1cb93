// What the choose screen sends and when it sends it by itself, apart from React so each rule has a test. The children
// asked "leaving already?" are answered with their own Yes/No buttons, never by the tap that adds or leaves out the
// others: a preselected name and an asked name no longer react oppositely to the same touch.
import type { ChildAtDoor } from '../../../shared/api/contract.js';

export type LeavingAnswer = 'yes' | 'no';

export interface ChooseChoice {
  /** The children not asked about, chosen by a tap (all allowed ones at first). */
  selected: ReadonlySet<string>;
  /** The asked children's answers so far; an asked child without one stays in the building. */
  answers: ReadonlyMap<string, LeavingAnswer>;
}

export interface ConfirmArgs {
  childIds: string[];
  /** The yes the core requires for each asked child it records (confirmOffer's answers.leavingNow). */
  leavingNow: string[];
}

/** The asked children this companion may take: only they get the Yes/No buttons. */
export function askedAllowed(children: readonly ChildAtDoor[], askedIds: ReadonlySet<string>): string[] {
  return children.filter((c) => c.allowed && askedIds.has(c.id)).map((c) => c.id);
}

export function initialChoice(children: readonly ChildAtDoor[], askedIds: ReadonlySet<string>): ChooseChoice {
  return { selected: new Set(children.filter((c) => c.allowed && !askedIds.has(c.id)).map((c) => c.id)), answers: new Map() };
}

/** Chosen children in the order the core listed them, whatever order they were tapped or answered in. */
export function confirmArgs(children: readonly ChildAtDoor[], choice: ChooseChoice): ConfirmArgs {
  const yes = (id: string) => choice.answers.get(id) === 'yes';
  const childIds = children.filter((c) => c.allowed && (choice.selected.has(c.id) || yes(c.id))).map((c) => c.id);
  return { childIds, leavingNow: childIds.filter(yes) };
}

/**
 * Only asked children on the screen (nobody else to choose): the answer that completes the set is the whole decision,
 * so no Confirm is shown. Then: 'record' when some answer is yes, 'nothing' when every answer is no, 'wait' while
 * an asked child has no answer yet. With other children beside them, null: the answers go with the one Confirm.
 */
export function answeredAlone(children: readonly ChildAtDoor[], askedIds: ReadonlySet<string>, choice: ChooseChoice): 'record' | 'nothing' | 'wait' | null {
  const others = children.some((c) => c.allowed && !askedIds.has(c.id));
  const asked = askedAllowed(children, askedIds);
  if (others || asked.length === 0) return null;
  if (asked.some((id) => !choice.answers.has(id))) return 'wait';
  return asked.some((id) => choice.answers.get(id) === 'yes') ? 'record' : 'nothing';
}

export function withAnswer(choice: ChooseChoice, childId: string, answer: LeavingAnswer): ChooseChoice {
  return { selected: choice.selected, answers: new Map(choice.answers).set(childId, answer) };
}

export function withToggled(choice: ChooseChoice, childId: string): ChooseChoice {
  const selected = new Set(choice.selected);
  if (!selected.delete(childId)) selected.add(childId);
  return { selected, answers: choice.answers };
}
