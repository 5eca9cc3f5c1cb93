import { describe, expect, it } from 'vitest';
import { inKazakhOrder } from './kazakh-order.js';

describe('Kazakh alphabetical order', () => {
  it('puts Kazakh letters where the alphabet has them, not after Я', () => {
    const names = ['Іляс', 'Ярослав', 'Абылай', 'Өмірзақов', 'Әбдірахманова', 'Бекзат', 'Ұлан', 'Омар'];
    expect(inKazakhOrder(names, (n) => n)).toEqual(['Абылай', 'Әбдірахманова', 'Бекзат', 'Омар', 'Өмірзақов', 'Ұлан', 'Іляс', 'Ярослав']);
  });

  it('breaks ties by the next key, and leaves the input alone', () => {
    const rows = [
      { last: 'Әлиев', first: 'Ерасыл' },
      { last: 'Әлиев', first: 'Әлихан' },
      { last: 'Абаев', first: 'Інжу' },
    ];
    const sorted = inKazakhOrder(rows, (r) => r.last, (r) => r.first);
    expect(sorted.map((r) => r.first)).toEqual(['Інжу', 'Әлихан', 'Ерасыл']);
    expect(rows[0]?.first).toBe('Ерасыл');
  });
});
