// Dates and times follow the UI language, not the browser's locale (issue 17 §8): on a Chromium set to en-US, which
// shows native date inputs as 12/02/2026 and time inputs as 07:00 PM, the absence form, the log's filters and the
// closing time show and take dd.MM.yyyy and HH:mm in Kazakh and Russian, and refuse a day no calendar has in words.
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting } from './support/staff-steps.js';

test.use({ locale: 'en-US' });

/** The kiosk's day `ahead` days from today, YYYY-MM-DD: the demo sets no zone, so the kiosk tells days in the machine's. */
function kioskDay(ahead: number): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + ahead * 86_400_000));
}

/** dd.MM.yyyy, as every language types a day here. */
const typed = (day: string): string => day.split('-').reverse().join('.');

const LANGUAGES = [
  { language: 'kk', noSuchDay: 'Күнтізбеде 31.02.2026 деген күн жоқ', noSuchTime: '24:10 деген уақыт болмайды', saved: 'Сақталды' },
  { language: 'ru', noSuchDay: 'Даты 31.02.2026 нет в календаре', noSuchTime: 'Времени 24:10 не бывает', saved: 'Сохранено' },
] as const;

for (const { language, noSuchDay, noSuchTime, saved } of LANGUAGES) {
  test(`in ${language} on an en-US browser: the absence form, the log's filters and the closing time are dd.MM.yyyy and 24-hour`, async ({ kiosk }) => {
    const { page } = kiosk;
    const db = kiosk.host.databasePath;
    // The closing-time alert must not cover the page whatever the hour the test runs at; 23:59 has no 12-hour twin.
    writeSetting(db, 'closingTime', '23:59');
    const today = kioskDay(0);
    await kiosk.typeCard('0004512346', 5);
    await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
    await page.getByTestId(`language-${language}`).click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);

    // The absence form: today as dd.MM.yyyy, the pattern in the language's letters, 31 February refused in words.
    await page.getByTestId('staff-menu-absence').click();
    await page.getByTestId('staff-search').fill('алихан');
    await page.locator('[data-testid="staff-child"][data-child-id="ch0001"]').click();
    const from = page.getByTestId('absence-from');
    await expect(from).toHaveValue(typed(today));
    await expect(from).toHaveAttribute('type', 'text');
    await expect(from).toHaveAttribute('placeholder', language === 'kk' ? 'кк.аа.жжжж' : 'дд.мм.гггг');
    await page.getByTestId('absence-reason-sick').click();
    await page.getByTestId('absence-to').fill('31.02.2026');
    await expect(page.getByTestId('absence-to-problem')).toHaveText(noSuchDay);
    await expect(page.getByTestId('absence-save')).toBeDisabled();
    // Typed digit by digit, the dots come by themselves.
    await page.getByTestId('absence-to').fill('');
    await page.getByTestId('absence-to').pressSequentially(today.split('-').reverse().join(''));
    await expect(page.getByTestId('absence-to')).toHaveValue(typed(today));
    await expect(page.getByTestId('absence-to-problem')).toHaveCount(0);
    await page.getByTestId('absence-certificate-date').fill(typed(today));
    await page.getByTestId('absence-save').click();
    await expect(page.getByTestId('staff-saved')).toBeVisible();
    expect(readDatabase(db, 'SELECT first_date, last_date, certificate_date FROM absences')).toEqual([{ first_date: today, last_date: today, certificate_date: today }]);

    // The log's filters: from tomorrow nothing, from today Алиса's arrival; an impossible day is said, not taken.
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-log').click();
    await expect(page.getByTestId('log-entry')).toHaveCount(1);
    await page.getByTestId('log-from').fill(typed(kioskDay(1)));
    await expect(page.getByTestId('log-entry')).toHaveCount(0);
    await page.getByTestId('log-from').fill(typed(today));
    await expect(page.getByTestId('log-entry')).toHaveCount(1);
    await expect(page.getByTestId('log-entry').locator('.log-day')).toHaveText(typed(today));
    await page.getByTestId('log-to').fill('31.02.2026');
    await expect(page.getByTestId('log-to-problem')).toHaveText(noSuchDay);
    await expect(page.getByTestId('log-entry')).toHaveCount(1);

    // The closing time: 23:59 as written, not 11:59 PM; 24:10 refused in words; 21:30 saved as typed.
    await page.getByTestId('admin-tab-settings').click();
    const closing = page.getByTestId('setting-closingTime');
    await expect(closing).toHaveValue('23:59');
    await expect(closing).toHaveAttribute('placeholder', language === 'kk' ? 'сс:мм' : 'чч:мм');
    await closing.fill('24:10');
    await expect(page.getByTestId('setting-closingTime-problem')).toHaveText(noSuchTime);
    await closing.fill('21:30');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-message')).toHaveText(saved);
    expect(readDatabase(db, "SELECT value FROM settings WHERE key = 'closingTime'")).toEqual([{ value: '"21:30"' }]);
  });
}
