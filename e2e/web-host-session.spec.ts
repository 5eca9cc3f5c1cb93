// The web host's launch link in a real browser: it opens the kiosk once, the page keeps working across reloads on
// the session it got, and the same link opened again (as someone who read it from the browser's command line would)
// shows the "link used" page in three languages, not the kiosk.
import { expect, test } from './support/kiosk-test.js';

test('a launch link opens the kiosk once; the page survives reloads; the used link opens nothing', async ({ kiosk, browser }) => {
  const link = kiosk.host.url;
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await page.goto(link);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  expect(new URL(page.url()).search).toBe('');

  for (let reload = 0; reload < 2; reload++) {
    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await expect(page.getByTestId('connection-lost')).toHaveCount(0);
  }

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  const response = await other.goto(link);
  expect(response?.status()).toBe(403);
  await expect(other.getByRole('heading', { name: 'Бұл сілтеме киоскіні ашпайды' })).toBeVisible();
  await expect(other.getByRole('heading', { name: 'This link does not open the kiosk' })).toBeVisible();
  await expect(other.locator('body[data-ready="true"]')).toHaveCount(0);
  await stranger.close();
  await owner.close();
});
