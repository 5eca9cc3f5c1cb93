// The layout check itself, on pages made to be broken: it must name each fault, and nothing on a sound page.
import { expect, test } from '@playwright/test';
import { layoutProblems } from './support/layout-check.js';

const BROKEN = `
  <body style="margin: 0"><main id="root" style="position: relative; font: 20px sans-serif">
    <button data-testid="first" style="position: absolute; left: 10px; top: 10px; width: 120px; height: 60px">Иә</button>
    <button data-testid="second" style="position: absolute; left: 100px; top: 40px; width: 120px; height: 60px">Жоқ</button>
    <button data-testid="tiny" style="position: absolute; left: 10px; top: 200px; width: 40px; height: 40px">×</button>
    <p data-testid="name" style="position: absolute; left: 10px; top: 300px; margin: 0; width: 100px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">Айсұлтанбекқызы</p>
  </main></body>`;

const SOUND = `
  <main id="root" style="display: grid; gap: 16px; padding: 16px; font: 20px sans-serif">
    <p style="margin: 0">Иә болса, картаны қайта ұстаңыз</p>
    <button style="min-width: 120px; min-height: 60px">Иә, кетеді</button>
    <button style="min-width: 120px; min-height: 60px">Жоқ</button>
  </main>`;

test('the layout check names overlapping controls, a small target and cut text', async ({ page }) => {
  await page.setContent(BROKEN);
  const problems = await layoutProblems(page, '#root', { minTarget: 56 });
  expect(problems).toEqual([
    expect.stringMatching(/^overlap: button\[data-testid=first\] "Иә" and button\[data-testid=second\] "Жоқ" at \(100,40 30×30\)$/),
    expect.stringMatching(/^cut: p\[data-testid=name\] "Айсұлтанбекқызы" ends in an ellipsis$/),
    expect.stringMatching(/^small target: button\[data-testid=tiny\] "×" is 40×40, under 56×56$/),
  ]);
});

test('the layout check finds text pushed past the bottom of a window that cannot scroll', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 300 });
  await page.setContent(`<body style="margin: 0; overflow: hidden"><main id="root"><p style="margin: 0; padding-top: 280px; font: 20px sans-serif">Балабақша</p></main></body>`);
  expect(await layoutProblems(page, '#root', { minTarget: 56 })).toEqual([expect.stringMatching(/^off screen: text of p "Балабақша" at .* in a 400×300 window$/)]);
});

test('the layout check finds nothing on a sound page', async ({ page }) => {
  await page.setContent(SOUND);
  expect(await layoutProblems(page, '#root', { minTarget: 56 })).toEqual([]);
});
