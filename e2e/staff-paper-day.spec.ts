// A day the kiosk was down, through the UI (issue 16 §7): the head chooses a past school day and a group, the day's
// roll comes with everyone ticked, she unticks the absent and saves; each child present gets an arrival on that day
// in her name, queued for the city with the time of entry; saving the day again is refused as entered, a day that is
// not past is refused in words, and the log shows the arrivals as entered later.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, installedDaysAgo, signInByName, writeSetting } from './support/staff-steps.js';

/** The kiosk's day `back` days ago, YYYY-MM-DD: the demo sets no zone, so the kiosk tells days in the machine's. */
function kioskDay(back: number): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - back * 86_400_000));
}

/** A day as the kiosk's date fields take it, in every language: dd.MM.yyyy. */
function typed(day: string): string {
  return day.split('-').reverse().join('.');
}

test('the head enters a past day of a group from the paper list, once, and the log shows it as entered later', async ({ kiosk }) => {
  const { page } = kiosk;
  const db = kiosk.host.databasePath;
  installedDaysAgo(db, 21);
  // The closing-time alert must not cover the page whatever the hour the test runs at.
  writeSetting(db, 'closingTime', '23:59');
  const [{ group_id: groupId } = { group_id: '' }] = readDatabase<{ group_id: string }>(db, "SELECT group_id FROM children WHERE id = 'ch0003'");

  await page.getByTestId('language-ru').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('staff-menu-paper-day').click();
  await expect(page.locator('.staff-title')).toHaveText('День, когда киоск не работал');
  await page.getByTestId('paper-day-group').selectOption(groupId);

  // Today is not a past day: refused in words.
  await page.getByTestId('paper-day-date').fill(typed(kioskDay(0)));
  await page.getByTestId('paper-day-show').click();
  await expect(page.getByTestId('paper-day-refused')).toHaveText('Внести можно только прошедший день: сегодняшние записи делает киоск у входа.');

  // The most recent past school day (a weekend or a holiday is refused: the day before it is tried).
  let day = '';
  for (let back = 1; back <= 10 && day === ''; back += 1) {
    await page.getByTestId('paper-day-date').fill(typed(kioskDay(back)));
    await page.getByTestId('paper-day-show').click();
    await expect(page.getByTestId('paper-day-roll').or(page.getByTestId('paper-day-refused'))).toBeVisible();
    if (await page.getByTestId('paper-day-roll').isVisible()) day = kioskDay(back);
    else await expect(page.getByTestId('paper-day-refused')).toHaveAttribute('data-why', 'not-school-day');
  }
  expect(day).not.toBe('');

  const children = page.getByTestId('paper-day-child');
  const count = await children.count();
  expect(count).toBeGreaterThan(3);
  await expect(children.locator('input:checked')).toHaveCount(count);
  await page.locator('[data-testid="paper-day-child"][data-child-id="ch0003"] input').uncheck();
  await expect(page.getByTestId('paper-day-counts')).toHaveText(`Присутствовали: ${count - 1} · отсутствовали: 1`);
  await page.getByTestId('paper-day-save').click();
  await expect(page.getByTestId('staff-saved')).toHaveText(new RegExp(`: записано приходов — ${count - 1}$`));

  const events = readDatabase<{ child_id: string; method: string; staff_id: string; local_date: string; occurred_at: string }>(
    db,
    'SELECT child_id, method, staff_id, local_date, occurred_at FROM attendance_events ORDER BY device_seq',
  );
  expect(events).toHaveLength(count - 1);
  expect(events.some((e) => e.child_id === 'ch0003')).toBe(false);
  for (const e of events) {
    expect(e).toMatchObject({ method: 'override', staff_id: 'staff-admin', local_date: day });
    // At the day's headcount cut-off (09:00 by default), with the offset the kiosk's zone had.
    expect(e.occurred_at).toMatch(new RegExp(`^${day}T09:00:00\\.000[+-]\\d{2}:\\d{2}$`));
  }
  const bodies = readDatabase<{ body: string }>(db, "SELECT b.body FROM sync_outbox o JOIN sync_outbox_body b ON b.seq = o.seq WHERE o.record_type = 'attendance'");
  expect(bodies).toHaveLength(count - 1);
  for (const { body } of bodies) expect(JSON.parse(body)).toMatchObject({ localDate: day, lateEntry: { reason: 'kiosk-down' } });
  expect(readDatabase(db, "SELECT staff_id FROM staff_audit WHERE action = 'paper-day'")).toEqual([{ staff_id: 'staff-admin' }]);

  // The same day again: entered already, by whom, nothing written twice.
  await page.getByTestId('staff-menu-paper-day').click();
  await page.getByTestId('paper-day-group').selectOption(groupId);
  await page.getByTestId('paper-day-date').fill(typed(day));
  await page.getByTestId('paper-day-show').click();
  await expect(page.getByTestId('paper-day-entered')).toContainText('Внесено: Жанна Сейітова');
  await expect(page.getByTestId('paper-day-entered')).toContainText(`Присутствовали: ${count - 1} · отсутствовали: 1`);
  expect(readDatabase(db, 'SELECT id FROM attendance_events')).toHaveLength(count - 1);

  // The admin's log: each arrival on its day, by the head, entered later.
  await page.getByTestId('staff-page-back').click();
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-log').click();
  await page.getByTestId('log-from').fill(typed(day));
  // The log is a virtual list: only the rows in view are rendered, and every one of them was entered later.
  const entered = page.getByTestId('log-entered-later');
  await expect(entered.first()).toContainText('Киоск не работал · внесено позже');
  await expect(page.getByTestId('log-entry').first().getByTestId('log-override')).toContainText('Жанна Сейітова');
  expect(await entered.count()).toBe(await page.getByTestId('log-entry').count());
});
