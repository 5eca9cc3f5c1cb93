// Companions & cards in the admin console: the admin finds Бибігүл by typing her name with Russian letters, enrols a
// new card by tapping it on the keyboard-mode reader, and the door checks her grandchildren in with it; blocked, the
// next tap is refused as blocked and the refused attempts show it. The real web host, SQLite file and Chromium.
import type { Page } from '@playwright/test';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting, writeSyncState } from './support/staff-steps.js';

const NEW_CARD = '0004512400';

async function openBibigul(page: Page): Promise<void> {
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-companions').click();
  await page.getByTestId('companions-search').fill('бибигул');
  // Several companions are called Бибігүл; hers is the one who brings Әлихан.
  await page.getByTestId('companion-result').filter({ hasText: 'Жұмабаева' }).filter({ hasText: 'Әлихан' }).click();
  await expect(page.getByTestId('companion-children')).toContainText('Айару');
}

test('a card enrolled in the console checks the children in at once, and once blocked is refused', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-ru').click();
  await openBibigul(page);
  await expect(page.getByTestId('companions-banner')).toHaveText('Киоск ещё не подключён к городскому серверу: изменения хранятся здесь и будут отправлены после подключения.');

  await page.getByTestId('card-enrol').click();
  await expect(page.getByTestId('enrol-prompt')).toContainText('Приложите карту к считывателю');
  await expect(page.getByTestId('enrol-confirm')).toBeDisabled();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('enrol-read')).toHaveText(`Считана карта: ${NEW_CARD}`);
  // Tapped while enrolling, the card checked nobody in.
  expect(kiosk.events()).toEqual([]);
  await page.getByTestId('enrol-confirm').click();
  await expect(page.getByTestId('companion-message')).toContainText(`Карта ${NEW_CARD} теперь открывает дверь`);
  const card = page.locator(`[data-testid="companion-card"][data-number="${NEW_CARD}"]`);
  await expect(card).toHaveAttribute('data-revoked', 'false');
  await expect(card.getByTestId('card-sync')).toHaveText('Ожидает отправки в город');

  // Back at the door: the new card brings up both grandchildren.
  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  expect(kiosk.events().map((e) => [e.child_id, e.kind, e.companion_id])).toEqual([
    ['ch0001', 'arrival', 'cp0001'],
    ['ch0002', 'arrival', 'cp0001'],
  ]);

  await openBibigul(page);
  await card.getByTestId('card-revoke').click();
  await expect(card.getByTestId('revoke-confirm-box')).toContainText(`Заблокировать карту ${NEW_CARD}?`);
  await card.getByTestId('revoke-reason').fill('Потеряна');
  await card.getByTestId('revoke-confirm').click();
  await expect(card).toHaveAttribute('data-revoked', 'true');
  await expect(card).toContainText('Потеряна');

  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'CARD_REVOKED');
  expect(kiosk.events()).toHaveLength(2);
  expect(kiosk.refusedAttempts()).toEqual([{ presented: '4512400', reason: 'revoked-card' }]);

  // The admin sees the refused tap, and the trail holds both acts.
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-refused').click();
  await expect(page.getByTestId('refused-entry').first()).toContainText('4512400');
  expect(readDatabase<{ action: string }>(kiosk.host.databasePath, 'SELECT action FROM admin_audit ORDER BY occurred_ms')).toEqual([{ action: 'card-enrolled' }, { action: 'card-revoked' }]);
  expect(readDatabase<{ record_type: string }>(kiosk.host.databasePath, "SELECT record_type FROM sync_outbox WHERE record_type = 'credential-change'")).toHaveLength(2);
});

test('a card someone else holds is refused with their name; the page says where changes go, and locks while the city manages the cards', async ({ kiosk }) => {
  const { page } = kiosk;
  await openBibigul(page);
  await page.getByTestId('card-enrol').click();
  // Елена's card, handed to the grandmother by mistake.
  await kiosk.typeCard('0004512346', 5);
  await page.getByTestId('enrol-confirm').click();
  await expect(page.getByTestId('enrol-problem')).toContainText('Елена Иванова');
  await page.getByTestId('enrol-cancel').click();
  expect(readDatabase(kiosk.host.databasePath, 'SELECT id FROM credential_changes')).toEqual([]);

  // Enrolled with a city server (as enrollment records it), the page says where the changes go.
  writeSyncState(kiosk.host.databasePath, 'server_url', 'http://127.0.0.1:9');
  await page.getByTestId('admin-tab-today').click();
  await page.getByTestId('admin-tab-companions').click();
  await expect(page.getByTestId('companions-banner')).toHaveText('Мұнда жасалған әр өзгеріс қалалық серверге жіберіледі.');

  // The city takes the cards over (its roster's settings, as a roster pull writes them).
  writeSetting(kiosk.host.databasePath, 'cardsManagedBy', 'city');
  await page.getByTestId('admin-tab-today').click();
  await page.getByTestId('admin-tab-companions').click();
  await expect(page.getByTestId('companions-banner')).toHaveAttribute('data-managed-by', 'city');
  await expect(page.getByTestId('companions-banner')).toContainText('қалалық тізілімде');
  await page.getByTestId('companions-search').fill('бибигул');
  await page.getByTestId('companion-result').filter({ hasText: 'Әлихан' }).click();
  await expect(page.getByTestId('card-enrol')).toBeDisabled();
  await expect(page.getByTestId('card-revoke').first()).toBeDisabled();
});
