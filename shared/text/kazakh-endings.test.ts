// The endings a Kazakh reader expects after digits, each checked against the word the number is read as.
import { describe, expect, it } from 'vitest';
import { kazakhEnding, lastSpokenWord, withKazakhCase } from './kazakh-endings.js';

describe('the last word of a number read aloud', () => {
  it.each([
    ['0', 'нөл'],
    ['3', 'үш'],
    ['43', 'үш'],
    ['30', 'отыз'],
    ['100', 'жүз'],
    ['2026', 'алты'],
    ['2000', 'мың'],
    ['2100', 'жүз'],
    ['21000', 'мың'],
    ['3000000', 'миллион'],
    ['4000000000', 'миллиард'],
    ['00', 'нөл'],
    ['05', 'бес'],
  ])('%s is read ending in "%s"', (digits, word) => {
    expect(lastSpokenWord(digits)).toBe(word);
  });

  it('refuses what is not digits', () => {
    expect(() => lastSpokenWord('1a')).toThrow('not digits');
  });
});

describe('the ending a word takes', () => {
  // Vowel harmony (back а/front е), the last sound (vowel or voiced: д/ғ, voiceless: т/қ, м/н/ң in the ablative: н).
  it.each([
    ['бір', 'бірге', 'бірде', 'бірден'],
    ['екі', 'екіге', 'екіде', 'екіден'],
    ['үш', 'үшке', 'үште', 'үштен'],
    ['төрт', 'төртке', 'төртте', 'төрттен'],
    ['бес', 'беске', 'бесте', 'бестен'],
    ['алты', 'алтыға', 'алтыда', 'алтыдан'],
    ['жеті', 'жетіге', 'жетіде', 'жетіден'],
    ['сегіз', 'сегізге', 'сегізде', 'сегізден'],
    ['тоғыз', 'тоғызға', 'тоғызда', 'тоғыздан'],
    ['нөл', 'нөлге', 'нөлде', 'нөлден'],
    ['он', 'онға', 'онда', 'оннан'],
    ['жиырма', 'жиырмаға', 'жиырмада', 'жиырмадан'],
    ['қырық', 'қырыққа', 'қырықта', 'қырықтан'],
    ['елу', 'елуге', 'елуде', 'елуден'],
    ['алпыс', 'алпысқа', 'алпыста', 'алпыстан'],
    ['жетпіс', 'жетпіске', 'жетпісте', 'жетпістен'],
    ['сексен', 'сексенге', 'сексенде', 'сексеннен'],
    ['тоқсан', 'тоқсанға', 'тоқсанда', 'тоқсаннан'],
    ['жүз', 'жүзге', 'жүзде', 'жүзден'],
    ['мың', 'мыңға', 'мыңда', 'мыңнан'],
    ['миллион', 'миллионға', 'миллионда', 'миллионнан'],
    ['миллиард', 'миллиардқа', 'миллиардта', 'миллиардтан'],
  ])('%s: %s, %s, %s', (word, dative, locative, ablative) => {
    expect(word + kazakhEnding(word, 'dative')).toBe(dative);
    expect(word + kazakhEnding(word, 'locative')).toBe(locative);
    expect(word + kazakhEnding(word, 'ablative')).toBe(ablative);
  });
});

describe('times, dates and numbers with their ending', () => {
  it('writes the examples the staff and the head read', () => {
    expect(withKazakhCase('14:43', 'ablative')).toBe('14:43-тен');
    expect(withKazakhCase('09:00', 'dative')).toBe('09:00-ге');
    expect(withKazakhCase('02.12.2026', 'ablative')).toBe('02.12.2026-дан');
    expect(withKazakhCase('14:43', 'locative')).toBe('14:43-те');
    expect(withKazakhCase('10:30', 'locative')).toBe('10:30-да');
    expect(withKazakhCase('19:10', 'dative')).toBe('19:10-ға');
    expect(withKazakhCase('08:05', 'ablative')).toBe('08:05-тен');
    expect(withKazakhCase('7', 'dative')).toBe('7-ге');
  });

  it('inflects a date written in words by its last word, with no hyphen', () => {
    expect(withKazakhCase('2026 жылғы 2 желтоқсан', 'ablative')).toBe('2026 жылғы 2 желтоқсаннан');
    expect(withKazakhCase('2026 жылғы 1 қыркүйек', 'ablative')).toBe('2026 жылғы 1 қыркүйектен');
    expect(withKazakhCase('2026 жылғы 3 наурыз', 'dative')).toBe('2026 жылғы 3 наурызға');
    expect(withKazakhCase('2027 жылғы 5 сәуір', 'locative')).toBe('2027 жылғы 5 сәуірде');
  });

  it('leaves text ending in neither a number nor a word as it is', () => {
    expect(withKazakhCase('—', 'ablative')).toBe('—');
    expect(withKazakhCase('', 'dative')).toBe('');
  });
});
