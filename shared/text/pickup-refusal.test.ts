// The refused pick-up in words, checked name by name: vowel harmony, the last sound, the joining word.
import { describe, expect, it } from 'vitest';
import { withKazakhCase } from './kazakh-endings.js';
import { kazakhAnd, kazakhObjectList, pickupRefusalText } from './pickup-refusal.js';

describe('the Kazakh accusative of a name', () => {
  it.each([
    // Back vowels: -ны after a vowel, -ды after a voiced consonant or a glide, -ты after a voiceless one.
    ['Алиса', 'Алисаны'],
    ['Айару', 'Айаруды'],
    ['Мария', 'Марияны'],
    ['Ерасыл', 'Ерасылды'],
    ['Әлихан', 'Әлиханды'],
    ['Нұрсұлтан', 'Нұрсұлтанды'],
    ['Айдай', 'Айдайды'],
    ['Айдос', 'Айдосты'],
    ['Марат', 'Маратты'],
    ['Жандос', 'Жандосты'],
    ['Болат', 'Болатты'],
    // Front vowels: -ні, -ді, -ті.
    ['Інжу', 'Інжуді'],
    ['Әли', 'Әлиді'],
    ['Әсел', 'Әселді'],
    ['Айгерім', 'Айгерімді'],
    ['Меруерт', 'Меруертті'],
    ['Бек', 'Бекті'],
    ['Дәмеш', 'Дәмешті'],
    ['Зере', 'Зерені'],
    ['Әлібек', 'Әлібекті'],
    ['Төлеген', 'Төлегенді'],
    ['Азиз', 'Азизді'],
    ['Давид', 'Давидті'],
  ])('%s → %s', (name, accusative) => {
    expect(withKazakhCase(name, 'accusative')).toBe(accusative);
  });
});

describe('the Kazakh "and" between names', () => {
  it.each([
    ['Ерасыл', 'мен'],
    ['Інжу', 'мен'],
    ['Алиса', 'мен'],
    ['Айдай', 'мен'],
    ['Нұрсұлтан', 'бен'],
    ['Айгерім', 'бен'],
    ['Азиз', 'бен'],
    ['Айдос', 'пен'],
    ['Бек', 'пен'],
    ['Марат', 'пен'],
  ])('after %s: %s', (name, and) => {
    expect(kazakhAnd(name)).toBe(and);
  });

  it('puts the ending on the last name only', () => {
    expect(kazakhObjectList(['Інжу'])).toBe('Інжуді');
    expect(kazakhObjectList(['Ерасыл', 'Інжу'])).toBe('Ерасыл мен Інжуді');
    expect(kazakhObjectList(['Әлихан', 'Айару'])).toBe('Әлихан бен Айаруды');
    expect(kazakhObjectList(['Алиса', 'Айдос', 'Марат'])).toBe('Алиса, Айдос пен Маратты');
  });
});

describe('the refused pick-up in each language', () => {
  it('says who may not collect whom', () => {
    expect(pickupRefusalText('kk', 'Гүлнар', ['Ерасыл', 'Інжу'])).toBe('Гүлнар Ерасыл мен Інжуді алып кете алмайды');
    expect(pickupRefusalText('kk', 'Гүлнар', ['Айгерім'])).toBe('Гүлнар Айгерімді алып кете алмайды');
    // Russian: no declension (the roster has no gender), the names after a colon.
    expect(pickupRefusalText('ru', 'Гүлнар', ['Ерасыл', 'Інжу'])).toBe('Гүлнар не может забрать: Ерасыл и Інжу');
    expect(pickupRefusalText('ru', 'Гүлнар', ['Алиса', 'Айдос', 'Марат'])).toBe('Гүлнар не может забрать: Алиса, Айдос и Марат');
    expect(pickupRefusalText('en', 'Gulnar', ['Yerasyl', 'Inzhu'])).toBe('Gulnar may not collect Yerasyl and Inzhu');
    expect(pickupRefusalText('en', 'Gulnar', ['A', 'B', 'C'])).toBe('Gulnar may not collect A, B and C');
  });
});
