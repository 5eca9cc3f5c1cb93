// The roster kept by hand in the admin console, on the real web host, SQLite file and Chromium: the admin adds a group,
// a child in it and a companion who may bring and collect her; the companion's new card (enrolled on the Companions &
// cards page) brings her in at the door; she leaves after a destructive-styled confirmation and the door refuses the
// card. A kiosk whose roster the city keeps shows the roster read-only and says why.
import type { Page } from '@playwright/test';
import { rosterEditCatalogs } from '../shared/i18n/admin/roster-edit-catalogs.js';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting, writeSyncState } from './support/staff-steps.js';

const NEW_CARD = '0004519900';
const ru = rosterEditCatalogs.ru;

async function openRoster(page: Page): Promise<void> {
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-roster').click();
  await expect(page.getByTestId('admin-roster')).toBeVisible();
}

/** "2026-12-03" as the console shows a day: "03.12.2026". */
const shownDay = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;

test('a group, a child and a companion added by hand: the new card brings her in, and once she leaves the door refuses it', async ({ kiosk }) => {
  // Three console pages, the door twice and a sign-in thrice: longer than one door spec.
  test.setTimeout(90_000);
  const { page } = kiosk;
  // The last tap comes seconds after the first: taken afresh, not as a repeat of the first tap's receipt.
  writeSetting(kiosk.host.databasePath, 'repeatWindowSeconds', 0);
  // The spec runs at any wall-clock hour: past the closing time the staff strip's alert would come up mid-test, and with
  // it shown the groups' Close button is covered (noted, not fixed here); this spec is about the roster, not closing.
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  await page.getByTestId('language-ru').click();
  await openRoster(page);
  await expect(page.getByTestId('roster-banner')).toHaveText(ru.banner.notEnrolled);
  const note = page.getByTestId('roster-note');

  // A group.
  await page.getByTestId('roster-section-groups').click();
  await page.getByTestId('roster-group-new-name').fill('Қарлығаш');
  await page.getByTestId('roster-group-add').click();
  await expect(note).toHaveText('Сохранено (изменений: 1).');
  const group = page.locator('[data-testid="roster-group"][data-name="Қарлығаш"]');
  await expect(group).toContainText('детей: 0');

  // A child in it, joining today (the form's default).
  await page.getByTestId('roster-section-children').click();
  await page.getByTestId('roster-child-add').click();
  await page.getByTestId('roster-child-group').selectOption({ label: 'Қарлығаш' });
  await page.getByTestId('roster-child-first').fill('Ару');
  await page.getByTestId('roster-child-last').fill('Бейсенова');
  // The field shows the day as every language types it (dd.MM.yyyy); the core keeps YYYY-MM-DD.
  const shownToday = await page.getByTestId('roster-child-joined').inputValue();
  expect(shownToday).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  const today = shownToday.split('.').reverse().join('-');
  await page.getByTestId('roster-child-save').click();
  // The form closes once the core has saved it (the note before it read the same).
  await expect(page.getByTestId('roster-child-form')).toHaveCount(0);
  await expect(note).toHaveText('Сохранено (изменений: 1).');
  await page.getByTestId('roster-children-search').fill('ару бейсен');
  const child = page.locator('[data-testid="roster-child"][data-name="Ару Бейсенова"]');
  await expect(child).toContainText('Қарлығаш');
  await expect(child.getByTestId('roster-child-period')).toHaveText(`с ${shownDay(today)}`);

  // A companion who may bring and collect her.
  await page.getByTestId('roster-section-companions').click();
  await page.getByTestId('roster-companion-add').click();
  await page.getByTestId('roster-companion-first').fill('Серік');
  await page.getByTestId('roster-companion-last').fill('Бейсенов');
  await page.getByTestId('roster-companion-relation').selectOption('grandfather');
  await page.getByTestId('roster-right-find').fill('ару бейсен');
  await page.getByTestId('roster-right-candidate').filter({ hasText: 'Бейсенова' }).getByTestId('roster-right-give').click();
  const right = page.getByTestId('roster-right');
  await expect(right).toHaveCount(1);
  await expect(right.getByTestId('roster-right-bring')).toBeChecked();
  await expect(right.getByTestId('roster-right-collect')).toBeChecked();
  await expect(right.getByTestId('roster-right-blocked')).not.toBeChecked();
  await page.getByTestId('roster-companion-save').click();
  await expect(note).toHaveText('Сохранено (изменений: 2).');
  await page.getByTestId('roster-companions-search').fill('серик бейсенов');
  await expect(page.locator('[data-testid="roster-companion"]').filter({ hasText: 'Серік Бейсенов' })).toContainText('права на детей: 1');

  // Each change is the admin's, audited and queued for the city.
  const changes = readDatabase<{ kind: string; staff_id: string; source: string }>(kiosk.host.databasePath, 'SELECT kind, staff_id, source FROM roster_changes ORDER BY rowid');
  expect(changes).toEqual(['group', 'child', 'companion', 'link'].map((kind) => ({ kind, staff_id: demoStaff.admin.id, source: 'console' })));
  expect(readDatabase(kiosk.host.databasePath, "SELECT staff_id FROM admin_audit WHERE action = 'roster-changed'")).toEqual(changes.map(() => ({ staff_id: demoStaff.admin.id })));
  expect(readDatabase(kiosk.host.databasePath, "SELECT seq FROM sync_outbox WHERE record_type = 'roster-change'")).toHaveLength(4);
  const [ids] = readDatabase<{ child: string; companion: string }>(
    kiosk.host.databasePath,
    "SELECT (SELECT id FROM children WHERE last_name = 'Бейсенова') AS child, (SELECT id FROM companions WHERE last_name = 'Бейсенов') AS companion",
  );

  // Cards are handed out on their own page: the roster links to it.
  await page.getByTestId('roster-open-companions').click();
  await page.getByTestId('companions-search').fill('серик бейсенов');
  await page.getByTestId('companion-result').filter({ hasText: 'Бейсенов' }).click();
  await expect(page.getByTestId('companion-children')).toContainText('Ару Бейсенова');
  await page.getByTestId('card-enrol').click();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('enrol-read')).toHaveText(`Считана карта: ${NEW_CARD}`);
  await page.getByTestId('enrol-confirm').click();
  await expect(page.getByTestId('companion-message')).toContainText(`Карта ${NEW_CARD} теперь открывает дверь`);

  // The door: the grandfather's new card brings Ару in.
  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await expect(page.getByTestId('receipt-entry')).toContainText('Ару');
  expect(kiosk.events().map((e) => [e.child_id, e.kind, e.companion_id])).toEqual([[ids?.child, 'arrival', ids?.companion]]);

  // Her group cannot be closed while she is in it: the question says so and offers only "cancel".
  await openRoster(page);
  await page.getByTestId('roster-section-groups').click();
  await group.getByTestId('roster-group-close').click();
  await expect(page.getByTestId('roster-confirm-blocked')).toHaveText('В группе ещё числятся дети (1): сначала переведите их в другую группу или отчислите.');
  await expect(page.getByTestId('roster-confirm-yes')).toHaveCount(0);
  await page.getByTestId('roster-confirm-no').click();

  // She leaves today, after a question whose "yes" is drawn as a destructive act, not the console's green.
  await page.getByTestId('roster-section-children').click();
  await page.getByTestId('roster-children-search').fill('ару бейсен');
  await child.getByTestId('roster-child-leave').click();
  const confirm = page.getByTestId('roster-confirm');
  await expect(confirm).toContainText('Отчисление: Ару Бейсенова');
  await expect(page.getByTestId('roster-confirm-text')).toHaveText(ru.children.confirmText);
  await expect(page.getByTestId('roster-last-day')).toHaveValue(shownToday);
  const yes = page.getByTestId('roster-confirm-yes');
  await expect(yes).toHaveText('Отчислить');
  await expect(yes).not.toHaveClass(/staff-primary/);
  await expect(yes).toHaveCSS('background-color', 'rgb(140, 29, 24)');
  await yes.click();
  await expect(confirm).toHaveCount(0);
  await expect(note).toHaveText('Сохранено (изменений: 1).');
  await expect(child).toHaveCount(0);
  // Shown apart with the days she was enrolled.
  await page.getByTestId('roster-children-left').click();
  await expect(child).toHaveAttribute('data-active', 'false');
  await expect(child.getByTestId('roster-child-period')).toHaveText(`${shownDay(today)} – ${shownDay(today)}`);
  await expect(child.getByTestId('roster-child-rejoin')).toBeVisible();
  expect(readDatabase(kiosk.host.databasePath, `SELECT from_day, until_day FROM child_enrolments WHERE child_id = '${ids?.child ?? ''}'`)).toEqual([{ from_day: today, until_day: today }]);

  // The door: the card opens nothing for her any more, and nothing is recorded.
  await page.getByTestId('admin-sign-out').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await kiosk.typeCard(NEW_CARD, 5);
  await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'NO_CHILDREN');
  expect(kiosk.events()).toHaveLength(1);
  expect(kiosk.refusedAttempts()).toEqual([{ presented: NEW_CARD.replace(/^0+/, ''), reason: 'no-children' }]);
});

test('a kiosk whose roster the city keeps shows it read-only, with the reason, and offers no edit', async ({ kiosk }) => {
  const { page } = kiosk;
  // Enrolled with a city (as enrollment records it) that has not handed the roster to the kindergarten.
  writeSyncState(kiosk.host.databasePath, 'server_url', 'http://127.0.0.1:9');
  await openRoster(page);
  await expect(page.getByTestId('admin-roster')).toHaveAttribute('data-editable', 'false');
  await expect(page.getByTestId('roster-banner')).toHaveText(rosterEditCatalogs.kk.banner.readOnly);
  await expect(page.getByTestId('roster-child').first()).toBeVisible();
  await expect(page.getByTestId('roster-child-add')).toHaveCount(0);
  await expect(page.getByTestId('roster-child-leave')).toHaveCount(0);
  await page.getByTestId('roster-section-groups').click();
  await expect(page.getByTestId('roster-group').first()).toBeVisible();
  await expect(page.getByTestId('roster-group-add')).toHaveCount(0);
  await expect(page.getByTestId('roster-group-close')).toHaveCount(0);
  await page.getByTestId('roster-section-companions').click();
  await expect(page.getByTestId('roster-companion-add')).toHaveCount(0);
  await page.getByTestId('roster-companion').first().click();
  await expect(page.getByTestId('roster-companion-first')).toBeDisabled();
  await expect(page.getByTestId('roster-companion-save')).toHaveCount(0);
  await expect(page.getByTestId('roster-companion-remove')).toHaveCount(0);
  expect(readDatabase(kiosk.host.databasePath, 'SELECT id FROM roster_changes')).toEqual([]);
});
