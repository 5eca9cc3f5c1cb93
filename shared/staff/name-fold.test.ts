import { describe, expect, it } from 'vitest';
import { foldName, nameMatches } from './name-fold.js';

describe('foldName', () => {
  it('folds every Kazakh letter to the Russian one typed without a Kazakh layout', () => {
    expect(foldName('ӘҒҚҢӨҰҮҺІ')).toBe('агкноуухи');
    expect(foldName('әғқңөұүһі')).toBe('агкноуухи');
  });

  it('folds ё and leaves the other Russian letters alone', () => {
    expect(foldName('Семён Йосиф')).toBe('семен йосиф');
  });

  it('composes a decomposed ё before folding it', () => {
    expect(foldName('Сем\u0435\u0308н')).toBe('семен');
  });

  it('makes spaces and dashes one space', () => {
    expect(foldName('  Анна-Мария   Ким ')).toBe('анна мария ким');
  });
});

describe('nameMatches', () => {
  it('finds Әлихан from "алихан" and from "Әли"', () => {
    expect(nameMatches('алихан', 'Әлихан', 'Жұмабаев')).toBe(true);
    expect(nameMatches('Әли', 'Әлихан', 'Жұмабаев')).toBe(true);
    expect(nameMatches('АЛИХАН', 'Әлихан')).toBe(true);
  });

  it('finds Інжу from "інжу", "инжу" and a Latin-i "iнжу"', () => {
    for (const typed of ['інжу', 'инжу', 'iнжу', 'ІНЖУ']) expect(nameMatches(typed, 'Інжу', 'Нұрланқызы')).toBe(true);
  });

  it('needs every word, in any order', () => {
    expect(nameMatches('жумабаев алихан', 'Әлихан', 'Жұмабаев')).toBe(true);
    expect(nameMatches('алихан ким', 'Әлихан', 'Жұмабаев')).toBe(false);
  });

  it('does not match a different name', () => {
    expect(nameMatches('айару', 'Әлихан', 'Жұмабаев')).toBe(false);
  });

  it('matches everyone on an empty query', () => {
    expect(nameMatches('  ', 'Әлихан')).toBe(true);
  });
});
