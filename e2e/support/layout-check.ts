// Finds what a person at the screen would see as broken layout: things drawn over each other, text cut off, and
// touch targets too small for a finger. It measures the page as laid out (getBoundingClientRect in the page), so it
// holds at any viewport the spec sets; each problem is one line naming the element so a reader can find it.
import { expect, type Page } from '@playwright/test';

/** The screens the kiosk must work at (issue: many kiosks stand upright), in the order the specs walk them. */
export const SCREEN_SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;
/** The sizes a reviewer gets pictures of: the common landscape kiosk and the upright one. */
export const SCREENSHOT_SIZES: ReadonlySet<string> = new Set(['1280x800', '1080x1920']);
/** The door's smallest touch target: a finger at arm's length, often gloved, often hurried. */
export const DOOR_TARGET_PX = 56;
/** The console's: staff sit or stand at it (WCAG's 44 px with a margin). */
export const CONSOLE_TARGET_PX = 48;

export interface LayoutCheckOptions {
  /** The smallest width and height of a button, link or input, in CSS px: 56 on the door (gloved, hurried hands
   * at arm's length), 48 in the console (WCAG 2.5.5's 44 with a margin, for staff sitting at it). */
  minTarget: number;
}

/** Every layout problem under `rootSelector`, as readable lines; empty when the screen is sound. */
export function layoutProblems(page: Page, rootSelector: string, options: LayoutCheckOptions): Promise<string[]> {
  return page.evaluate(checkLayoutInPage, { rootSelector, minTarget: options.minTarget });
}

/** Fails with the list of problems (and where the screen was) unless there are none. */
export async function expectNoLayoutProblems(page: Page, rootSelector: string, options: LayoutCheckOptions, where: string): Promise<void> {
  const problems = await layoutProblems(page, rootSelector, options);
  expect(problems, `layout problems on ${where}`).toEqual([]);
}

// Runs inside the page: it is serialised by page.evaluate, so it must not reach anything outside its own body.
function checkLayoutInPage({ rootSelector, minTarget }: { rootSelector: string; minTarget: number }): string[] {
  // Layout works in fractional pixels and rounds at the edges: two boxes that share an edge may "overlap" by a
  // fraction of a pixel, and a scrollWidth is an integer while clientWidth rounds down. Nobody sees 1 px.
  const TOLERANCE = 1;
  const root = document.querySelector(rootSelector);
  if (!root) return [`no element matches the root selector ${rootSelector}`];

  interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  interface Item {
    element: Element;
    /** true: the element's own text lines; false: the element's box (a control or a picture). */
    text: boolean;
    boxes: Box[];
  }
  const problems: string[] = [];
  const viewport: Box = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };

  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const isEmpty = (b: Box): boolean => b.right - b.left <= TOLERANCE || b.bottom - b.top <= TOLERANCE;
  const boxOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const round = (n: number): number => Math.round(n);
  const showBox = (b: Box): string => `(${round(b.left)},${round(b.top)} ${round(b.right - b.left)}×${round(b.bottom - b.top)})`;

  // A name a reader can grep for: the tag, its test id or the nearest ancestor's, and the start of its text.
  const describe = (element: Element): string => {
    const own = element.getAttribute('data-testid');
    const tag = element.tagName.toLowerCase() + (own ? `[data-testid=${own}]` : '');
    const holder = own ? null : element.parentElement?.closest('[data-testid]');
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const label = text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : (element.getAttribute('aria-label') ? ` [${element.getAttribute('aria-label')}]` : '');
    return `${tag}${label}${holder ? ` in [data-testid=${holder.getAttribute('data-testid')}]` : ''}`;
  };

  const style = (element: Element): CSSStyleDeclaration => getComputedStyle(element);
  const isDocument = (element: Element): boolean => element === document.documentElement || element === document.body;
  const clips = (s: CSSStyleDeclaration): boolean => s.overflowX !== 'visible' || s.overflowY !== 'visible';
  const scrolls = (s: CSSStyleDeclaration): boolean => /auto|scroll/.test(s.overflowX) || /auto|scroll/.test(s.overflowY);

  // What an element can show: its box cut by every ancestor that clips its overflow. Rows scrolled out of a list
  // are not on screen, so they neither overlap anything nor count as cut (the list can scroll to them).
  const visibleArea = (element: Element): Box | null => {
    let area: Box = boxOf(element.getBoundingClientRect());
    for (let up = element.parentElement; up && !isDocument(up); up = up.parentElement) {
      if (clips(style(up))) area = intersect(area, boxOf(up.getBoundingClientRect()));
    }
    return isEmpty(area) ? null : area;
  };

  // Hidden things are not drawn; "visually hidden" labels for screen readers are 1 px boxes on purpose.
  const isShown = (element: Element): boolean => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = element.getBoundingClientRect();
    return r.width > 2 && r.height > 2;
  };

  // The window scrolls by the root's overflow, or by the body's when the root's is visible (CSS propagates it): the
  // kiosk sets hidden on the body, so the window never scrolls, whatever the document's scrollHeight says.
  const windowStyle = style(document.documentElement).overflowY === 'visible' ? style(document.body) : style(document.documentElement);
  const windowScrolls = !/hidden|clip/.test(windowStyle.overflowX + windowStyle.overflowY);

  // Can the window or a scrolling ancestor bring this element into view? Then being outside the viewport is fine.
  const canScrollTo = (element: Element): boolean => {
    if (windowScrolls) return true;
    for (let up = element.parentElement; up && !isDocument(up); up = up.parentElement) {
      if (scrolls(style(up)) && (up.scrollHeight > up.clientHeight + TOLERANCE || up.scrollWidth > up.clientWidth + TOLERANCE)) return true;
    }
    return false;
  };

  const all = [root, ...Array.from(root.querySelectorAll('*'))].filter(isShown);

  // What may not overlap: text (measured as its line boxes, not its element's box, which for a paragraph spans the
  // whole row whether or not the words reach there), controls, and pictures — the camera preview is a <video>.
  const items: Item[] = [];
  const controlSelector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=link], img, video, canvas, svg';
  for (const element of all) {
    if (element.matches(controlSelector)) {
      // An icon inside a button counts too: it is not over its own button (an ancestor), but it may be over the
      // button's words (a tile's corner mark over a long name).
      const area = visibleArea(element);
      if (area) items.push({ element, text: false, boxes: [area] });
      continue;
    }
    const lines: Box[] = [];
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE || !(node.textContent ?? '').trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const clip = visibleArea(element);
      if (!clip) continue;
      for (const rect of Array.from(range.getClientRects())) {
        const line = intersect(boxOf(rect), clip);
        if (!isEmpty(line)) lines.push(line);
      }
    }
    if (lines.length > 0) items.push({ element, text: true, boxes: lines });
  }

  const name = (item: Item): string => (item.text ? `text of ${describe(item.element)}` : describe(item.element));

  // Overlap: any two of them drawn on the same pixels. An element and what it contains are one thing (a button
  // and its label), so only unrelated pairs count; the tolerance absorbs sub-pixel edges.
  for (let i = 0; i < items.length; i += 1) {
    const a = items[i];
    if (!a) continue;
    for (let j = i + 1; j < items.length; j += 1) {
      const b = items[j];
      if (!b || a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const hit = a.boxes.flatMap((ab) => b.boxes.map((bb) => intersect(ab, bb))).find((x) => !isEmpty(x));
      if (hit) problems.push(`overlap: ${name(a)} and ${name(b)} at ${showBox(hit)}`);
    }
  }

  // Cut text: content larger than a box that hides its overflow is content nobody sees; an ellipsis from
  // text-overflow means a word (a child's name, often) was shortened. Scroll containers are left alone: what
  // they hide, they can show.
  for (const element of all) {
    const s = style(element);
    // The root and the body hand their overflow to the window: what they push past it is reported as off screen.
    if (!clips(s) || scrolls(s) || isDocument(element) || element.matches('video, img, canvas, svg')) continue;
    const wide = element.scrollWidth > element.clientWidth + TOLERANCE;
    const tall = element.scrollHeight > element.clientHeight + TOLERANCE;
    if (!wide && !tall) continue;
    const how = s.textOverflow === 'ellipsis' && wide ? 'ends in an ellipsis' : `hides ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`;
    problems.push(`cut: ${describe(element)} ${how}`);
  }

  // Off screen: text or a control reaching past the viewport's edge where nothing can scroll to it is cut by
  // the screen itself (the kiosk's window has no scroll bars).
  for (const item of items) {
    const box = boxOf(item.element.getBoundingClientRect());
    const inside = box.left >= viewport.left - TOLERANCE && box.top >= viewport.top - TOLERANCE && box.right <= viewport.right + TOLERANCE && box.bottom <= viewport.bottom + TOLERANCE;
    if (!inside && !canScrollTo(item.element)) problems.push(`off screen: ${name(item)} at ${showBox(box)} in a ${viewport.right}×${viewport.bottom} window`);
  }

  // Touch targets: a finger covers some 10 mm; a control smaller than minTarget in either direction is missed or
  // its neighbour is hit. A checkbox or radio counts with its label, which is what a person actually taps.
  for (const element of all) {
    if (!element.matches('button, a[href], input:not([type=hidden]), select, textarea, [role=button]')) continue;
    let box = boxOf(element.getBoundingClientRect());
    const label = element.closest('label');
    if (label && element.matches('input[type=checkbox], input[type=radio]')) box = boxOf(label.getBoundingClientRect());
    const width = box.right - box.left;
    const height = box.bottom - box.top;
    if (width + TOLERANCE < minTarget || height + TOLERANCE < minTarget) {
      problems.push(`small target: ${describe(element)} is ${round(width)}×${round(height)}, under ${minTarget}×${minTarget}`);
    }
  }
  return problems;
}
