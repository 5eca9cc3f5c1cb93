import { describe, expect, it } from 'vitest';
import { sameNameAsAny, staffNameKey } from './join-accounts.js';
import { peersRequests } from './peers-contract.js';

const SESSION = '0193a0a0-0000-7000-8000-00000000a001';

describe('the name rule that ticks an account for deactivation', () => {
  it('takes two spellings of one person as one: case, spaces, ё, the order of the names, compatibility forms', () => {
    expect(staffNameKey('Жанна', 'Сейітова')).toBe(staffNameKey('  ЖАННА ', 'сейітова'));
    expect(staffNameKey('Алёна', 'Ким')).toBe(staffNameKey('Алена', 'Ким'));
    expect(staffNameKey('Сейітова', 'Жанна')).toBe(staffNameKey('Жанна', 'Сейітова'));
    expect(staffNameKey('Анна Мария', 'Ли')).toBe(staffNameKey('Анна  Мария', 'Ли'));
    // A full-width Latin name typed from a phone keyboard is the same name (NFKC).
    expect(staffNameKey('Ａｎｎａ', 'Ｌｅｅ')).toBe(staffNameKey('Anna', 'Lee'));
  });

  it('keeps apart names that differ in a letter, Kazakh letters included, and never matches an empty name', () => {
    expect(staffNameKey('Жанна', 'Сейітова')).not.toBe(staffNameKey('Жанна', 'Сейтова'));
    expect(staffNameKey('Әлия', 'Нұрова')).not.toBe(staffNameKey('Алия', 'Нурова'));
    const group = [{ firstName: 'Жанна', lastName: 'Сейітова' }, { firstName: '', lastName: '' }];
    expect(sameNameAsAny({ firstName: 'жанна', lastName: 'СЕЙІТОВА' }, group)).toBe(true);
    expect(sameNameAsAny({ firstName: 'Раиса', lastName: 'Ким' }, group)).toBe(false);
    expect(sameNameAsAny({ firstName: ' ', lastName: '' }, group)).toBe(false);
    expect(sameNameAsAny({ firstName: 'Жанна', lastName: 'Сейітова' }, [])).toBe(false);
  });
});

describe('the join requests at the edge', () => {
  const join = { sessionId: SESSION, address: '192.168.1.23', code: '7KQ4-M2XD-9RTB', name: 'Office' };
  it('peerJoin needs the session and the admin’s PIN, and nothing else', () => {
    expect(peersRequests.peerJoin.args.safeParse({ ...join, pin: '2468' }).success).toBe(true);
    expect(peersRequests.peerJoin.args.safeParse(join).success).toBe(false);
    expect(peersRequests.peerJoin.args.safeParse({ ...join, pin: '24a8' }).success).toBe(false);
    expect(peersRequests.peerJoin.args.safeParse({ ...join, pin: '2468', role: 'door' }).success).toBe(false);
    expect(peersRequests.peerJoin.args.safeParse({ ...join, sessionId: undefined, pin: '2468' }).success).toBe(false);
    expect(peersRequests.peerJoin.result.safeParse({ outcome: 'wrong-pin', attemptsLeft: 3 }).success).toBe(true);
    expect(peersRequests.peerJoin.result.safeParse({ outcome: 'joined' }).success).toBe(false);
  });

  it('peerJoinDeactivate takes one to 200 ids, each an id', () => {
    const args = (staffIds: unknown) => peersRequests.peerJoinDeactivate.args.safeParse({ sessionId: SESSION, staffIds }).success;
    expect(args(['s1'])).toBe(true);
    expect(args([])).toBe(false);
    expect(args([''])).toBe(false);
    expect(args(Array.from({ length: 201 }, (_, i) => `s${i}`))).toBe(false);
    expect(args('s1')).toBe(false);
  });

  it('peerJoinAccounts answers a bounded list', () => {
    const account = { staffId: 's1', firstName: 'Жанна', lastName: 'Сейітова', role: 'admin', sameNameInGroup: true };
    expect(peersRequests.peerJoinAccounts.result.safeParse({ accounts: [account], groupAccounts: 3 }).success).toBe(true);
    expect(peersRequests.peerJoinAccounts.result.safeParse({ accounts: [{ ...account, role: 'head' }], groupAccounts: 3 }).success).toBe(false);
    expect(peersRequests.peerJoinAccounts.result.safeParse({ accounts: [], groupAccounts: -1 }).success).toBe(false);
  });
});
