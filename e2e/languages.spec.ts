// The kiosk speaks Kazakh (the default), Russian and English, and remembers the choice.
import { expect, test } from './support/kiosk-test.js';

test('the UI in Kazakh and in Russian, switched on the idle screen and kept after a reload', async ({ kiosk }) => {
  const { page } = kiosk;
  const idle = page.getByTestId('idle-screen');
  await expect(idle).toContainText('Картаңызды тигізіңіз');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByTestId('language-kk')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('demo-badge')).toBeVisible();

  await page.getByTestId('language-ru').click();
  await expect(idle).toContainText('Приложите карту');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await kiosk.typeCard('0009999999', 5);
  await expect(page.getByTestId('error-message')).toContainText('Эта карта не зарегистрирована');

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('idle-screen')).toContainText('Приложите карту');

  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('idle-screen')).toContainText('Tap your card');
});

test('the children screen and the receipt in Russian', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  await expect(page.getByTestId('idle-screen')).toContainText('Приложите карту');
  await kiosk.typeCard('0004512345', 5);
  await expect(page.getByTestId('choose-screen')).toContainText('Приход');
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toContainText('Приход отмечен');
});
