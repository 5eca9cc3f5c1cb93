// The Roster page rendered with the real catalogs in each language: a kiosk whose roster the city keeps shows it with a
// plain sentence why and no way to change it; one that keeps its own offers every edit; a refusal names each row and
// says what to do; the kk and ru texts are translations, not English left behind.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { RosterView } from '../../../../shared/admin/roster-contract.js';
import type { Language } from '../../../../shared/domain/attendance.js';
import type { RosterChange } from '../../../../shared/domain/roster-change.js';
import { RosterEditProblemSchema } from '../../../../shared/domain/roster-change.js';
import { rosterEditCatalogs } from '../../../../shared/i18n/admin/roster-edit-catalogs.js';
import { problemLines } from './roster-problems.js';
import { RosterContent, type RosterSection } from './RosterPage.js';
import type { RosterNote } from './use-roster-edit.js';
import { i18nFor } from '../../i18n/testing/i18n-for.js';

const VIEW: RosterView = {
  editable: true,
  cityEnrolled: false,
  groups: [{ id: 'g-1', name: 'Күншуақ', sortOrder: 0, active: true }],
  children: [{ id: 'ch-1', groupId: 'g-1', firstName: 'Ару', lastName: 'Омарова', active: true, enrolledFrom: '2026-09-01', enrolledUntil: null }],
  companions: [{ id: 'cp-1', firstName: 'Серік', lastName: 'Омаров', relation: 'grandfather', active: true, rights: [{ childId: 'ch-1', mayBring: true, mayCollect: true, blocked: false }] }],
};

function render(language: Language, view: RosterView, section: RosterSection, note: RosterNote | null = null): string {
  const i18n = i18nFor(language);
  const content = createElement(RosterContent, {
    x: rosterEditCatalogs[language],
    view,
    edit: { apply: () => Promise.resolve(false), busy: false, note },
    today: '2026-12-03',
    initialSection: section,
    pages: { companions: 'companions', cards: 'cards', rosterImport: 'import' },
    onOpenPage: () => undefined,
  });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, content));
}

/** The edit controls each section offers where the kindergarten keeps its roster. */
const EDITS: Record<RosterSection, string[]> = {
  groups: ['roster-group-add', 'roster-group-rename', 'roster-group-close', 'roster-group-up'],
  children: ['roster-child-add', 'roster-open-import'],
  companions: ['roster-companion-add'],
};

const LANGUAGES = ['kk', 'ru', 'en'] as const;

/** A text as React writes it into markup. */
const inMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('the roster page', () => {
  for (const language of LANGUAGES) {
    it(`on a city-managed kiosk says in ${language} why the roster is read-only and offers no edit`, () => {
      const x = rosterEditCatalogs[language];
      for (const section of ['groups', 'children', 'companions'] as const) {
        const html = render(language, { ...VIEW, editable: false, cityEnrolled: true }, section);
        expect(html).toContain(inMarkup(x.banner.readOnly));
        expect(html).toContain('data-editable="false"');
        for (const control of Object.values(EDITS).flat()) expect(html, `${section}: ${control}`).not.toContain(`data-testid="${control}"`);
      }
    });

    it(`where the kindergarten keeps its roster offers every edit in ${language} and says where the changes go`, () => {
      const x = rosterEditCatalogs[language];
      for (const section of ['groups', 'children', 'companions'] as const) {
        const html = render(language, VIEW, section);
        expect(html).toContain(inMarkup(x.banner.notEnrolled));
        for (const control of EDITS[section]) expect(html, `${section}: ${control}`).toContain(`data-testid="${control}"`);
      }
      expect(render(language, { ...VIEW, cityEnrolled: true }, 'groups')).toContain(inMarkup(x.banner.sentToCity));
    });

    it(`lists a refusal in ${language} one problem a line, each naming its row`, () => {
      const x = rosterEditCatalogs[language];
      const newCompanion: RosterChange = { kind: 'companion', companion: { id: 'cp-new', firstName: 'Гүлнар', lastName: 'Ахметова', relation: 'aunt' } };
      const changes: RosterChange[] = [
        { kind: 'group-closed', groupId: 'g-1' },
        newCompanion,
        { kind: 'link', link: { companionId: 'cp-new', childId: 'ch-1', mayBring: true, mayCollect: true, blocked: false } },
        { kind: 'child-left', childId: 'ch-1', lastDay: '2026-12-24' },
      ];
      const lines = problemLines(x, VIEW, changes, [
        { index: 0, reason: 'group-has-children' },
        { index: 2, reason: 'companion-inactive' },
        { index: 3, reason: 'day-in-future' },
      ]);
      expect(lines).toEqual([
        `${x.subjects.group.replace('{{name}}', 'Күншуақ')}: ${x.problems['group-has-children']}`,
        `${x.subjects.link.replace('{{companion}}', 'Гүлнар Ахметова').replace('{{child}}', 'Ару Омарова')}: ${x.problems['companion-inactive']}`,
        `Ару Омарова: ${x.problems['day-in-future']}`,
      ]);
      const html = render(language, VIEW, 'children', { failed: true, lines: [x.refused, ...lines] });
      expect(html.match(/data-testid="roster-problem"/g)).toHaveLength(3);
      expect(html).toContain('role="alert"');
    });
  }

  it('has a text for every reason the core refuses with, translated in kk and ru (with Kazakh letters in kk)', () => {
    const en = rosterEditCatalogs.en;
    const leaves = (texts: object, path = ''): [string, string][] =>
      Object.entries(texts).flatMap(([key, value]): [string, string][] => (typeof value === 'string' ? [[`${path}${key}`, value]] : leaves(value as object, `${path}${key}.`)));
    const english = new Map(leaves(en));
    for (const reason of RosterEditProblemSchema.options) expect(en.problems[reason]).toBeTruthy();
    for (const language of ['kk', 'ru'] as const) {
      for (const [key, text] of leaves(rosterEditCatalogs[language])) {
        // Texts made only of places to fill ("{{from}} – {{until}}") read the same in every language.
        if (text.replace(/\{\{\w+\}\}/g, '').replace(/[\s–—:.,]/g, '') === '') continue;
        expect(text, `${language} ${key}`).not.toBe(english.get(key));
        expect(text, `${language} ${key}`).toMatch(/[а-яё]/i);
      }
    }
    expect(leaves(rosterEditCatalogs.kk).some(([, text]) => /[әғқңөұүһі]/.test(text))).toBe(true);
  });
});
