import { describe, expect, it } from 'vitest';
import type { StaffAlert } from '../../../shared/api/contract.js';
import { MAX_ALERTS, withAlert, withoutAlert } from './alert-list.js';

const alert = (id: string): StaffAlert => ({ id, kind: 'pickup-not-allowed', companionFirstName: 'Гүлнар', childFirstNames: ['Ерасыл', 'Інжу'], at: '17:45' });

describe('staff alert list', () => {
  it('puts the newest first and keeps each alert once', () => {
    let list = withAlert([], alert('a'));
    list = withAlert(list, alert('b'));
    list = withAlert(list, alert('a'));
    expect(list.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('keeps only the newest few', () => {
    let list: readonly StaffAlert[] = [];
    for (let i = 0; i < MAX_ALERTS + 3; i++) list = withAlert(list, alert(String(i)));
    expect(list).toHaveLength(MAX_ALERTS);
    expect(list[0]?.id).toBe(String(MAX_ALERTS + 2));
  });

  it('drops a dismissed alert only', () => {
    expect(withoutAlert([alert('a'), alert('b')], 'a').map((a) => a.id)).toEqual(['b']);
  });
});
