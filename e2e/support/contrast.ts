// Runs axe's colour-contrast rule (WCAG 2 AA: 4.5:1 for text, 3:1 for large text) on what the page shows now, and
// describes each offender so a failing test says where to look: the screen, the element, its colours and ratio.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

interface ContrastData {
  fgColor?: string;
  bgColor?: string;
  contrastRatio?: number;
  expectedContrastRatio?: string;
}

export interface ContrastFindings {
  /** Text below AA, each as "screen: selector «html» — fg on bg = ratio (needs …)". */
  offenders: string[];
  /** Text axe could not measure (over an image or a gradient, or covered by another element), said the same way. */
  unmeasured: string[];
}

function describe(screen: string, nodes: { target: unknown[]; html: string; any: { data?: unknown; message?: string }[] }[]): string[] {
  return nodes.map((node) => {
    const check = node.any[0];
    const data = (check?.data ?? {}) as ContrastData;
    const colours = data.fgColor === undefined ? (check?.message ?? '') : `${data.fgColor} on ${data.bgColor ?? '?'} = ${data.contrastRatio ?? '?'} (needs ${data.expectedContrastRatio ?? '?'})`;
    return `${screen}: ${node.target.join(' ')} «${node.html.slice(0, 80)}» — ${colours}`;
  });
}

/** What axe's colour-contrast rule finds on the page as it is now. */
export async function contrastFindings(page: Page, screen: string): Promise<ContrastFindings> {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return {
    offenders: results.violations.flatMap((v) => describe(screen, v.nodes)),
    unmeasured: results.incomplete.flatMap((v) => describe(screen, v.nodes)),
  };
}

/** Waits until the page's text stops changing (a page that loads its figures over the socket has drawn them). */
export async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('body').innerText();
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [150, 150, 250, 500] })
    .toBe(true);
}
