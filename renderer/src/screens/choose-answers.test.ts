import { describe, expect, it } from 'vitest';
import type { ChildAtDoor } from '../../../shared/api/contract.js';
import { answeredAlone, confirmArgs, initialChoice, withAnswer, withToggled } from './choose-answers.js';

const child = (id: string, action: ChildAtDoor['action'], allowed = true): ChildAtDoor => ({
  id,
  firstName: id,
  groupName: 'Балапан',
  action,
  presentSince: action === 'departure' ? '08:10' : null,
  allowed,
});

const alikhan = child('ch0001', 'departure');
const aiaru = child('ch0002', 'arrival');
const erasyl = child('ch0004', 'departure');
const barred = child('ch0009', 'departure', false);

describe('the choose screen with a leaving question', () => {
  it('preselects the children not asked about and leaves the asked ones in until answered', () => {
    const asked = new Set([alikhan.id]);
    const choice = initialChoice([alikhan, aiaru], asked);
    expect([...choice.selected]).toEqual([aiaru.id]);
    expect(confirmArgs([alikhan, aiaru], choice)).toEqual({ childIds: [aiaru.id], leavingNow: [] });
  });

  it('sends a yes as the companion\'s answer, in the core\'s order, and a no leaves the child out', () => {
    const asked = new Set([alikhan.id]);
    const children = [alikhan, aiaru];
    const yes = withAnswer(initialChoice(children, asked), alikhan.id, 'yes');
    expect(confirmArgs(children, yes)).toEqual({ childIds: [alikhan.id, aiaru.id], leavingNow: [alikhan.id] });
    const no = withAnswer(yes, alikhan.id, 'no');
    expect(confirmArgs(children, no)).toEqual({ childIds: [aiaru.id], leavingNow: [] });
  });

  it('tapping a name toggles only the children not asked about', () => {
    const children = [alikhan, aiaru];
    const asked = new Set([alikhan.id]);
    const off = withToggled(initialChoice(children, asked), aiaru.id);
    expect(confirmArgs(children, off).childIds).toEqual([]);
    expect(confirmArgs(children, withToggled(off, aiaru.id)).childIds).toEqual([aiaru.id]);
  });

  it('never sends a child the companion may not take, whatever was answered', () => {
    const children = [barred, aiaru];
    const choice = withAnswer(initialChoice(children, new Set([barred.id])), barred.id, 'yes');
    expect(confirmArgs(children, choice)).toEqual({ childIds: [aiaru.id], leavingNow: [] });
  });

  it('with only asked children, the answer that completes the set decides at once', () => {
    const one = [alikhan];
    const asked = new Set([alikhan.id]);
    const start = initialChoice(one, asked);
    expect(answeredAlone(one, asked, start)).toBe('wait');
    expect(answeredAlone(one, asked, withAnswer(start, alikhan.id, 'yes'))).toBe('record');
    expect(answeredAlone(one, asked, withAnswer(start, alikhan.id, 'no'))).toBe('nothing');

    const two = [alikhan, erasyl];
    const both = new Set([alikhan.id, erasyl.id]);
    const first = withAnswer(initialChoice(two, both), alikhan.id, 'yes');
    expect(answeredAlone(two, both, first)).toBe('wait');
    expect(answeredAlone(two, both, withAnswer(first, erasyl.id, 'no'))).toBe('record');
    expect(confirmArgs(two, withAnswer(first, erasyl.id, 'no'))).toEqual({ childIds: [alikhan.id], leavingNow: [alikhan.id] });
  });

  it('with other children on the screen the answers wait for the one Confirm', () => {
    const children = [alikhan, aiaru];
    const asked = new Set([alikhan.id]);
    expect(answeredAlone(children, asked, withAnswer(initialChoice(children, asked), alikhan.id, 'yes'))).toBeNull();
    // A companion who may not take the other child leaves the asked one alone on the screen.
    expect(answeredAlone([alikhan, barred], asked, withAnswer(initialChoice([alikhan, barred], asked), alikhan.id, 'yes'))).toBe('record');
  });
});
