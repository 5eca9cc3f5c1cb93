// The receipt is drawn before its tones start: the sound follows what the screen shows and never holds its frame up.
import { expect, test } from './support/kiosk-test.js';

const MOTHER_ONE_CHILD = '0004512346';

test("a receipt's tones start after the frame that shows the receipt", async ({ kiosk }) => {
  const { page } = kiosk;
  // Each tone the page starts leaves a mark on the same clock as the page's own marks.
  await page.evaluate(() => {
    const prototype = AudioContext.prototype;
    const createOscillator = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'createOscillator')?.value as (this: BaseAudioContext) => OscillatorNode;
    prototype.createOscillator = function (this: BaseAudioContext) {
      performance.mark('test:tone');
      return createOscillator.call(this);
    };
  });
  await kiosk.typeCard(MOTHER_ONE_CHILD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('test:tone').length)).toBeGreaterThan(0);
  const [visible = Number.NaN, firstTone = Number.NaN] = await page.evaluate(() =>
    ['esik:receipt-visible', 'test:tone'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN),
  );
  expect(firstTone).toBeGreaterThan(visible);
});
