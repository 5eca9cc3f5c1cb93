// A child's name carries its length in letters (--name-chars), which the stylesheet sizes it by to fit its box.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChildName } from './ChildName.js';

describe('ChildName', () => {
  it.each([
    ['Алиса', 5],
    ['Ақмаржангүлсезім', 16],
    ['Әлихан', 6],
  ])('%s is %i letters long for the stylesheet', (name, letters) => {
    expect(renderToStaticMarkup(createElement(ChildName, { name }))).toBe(`<span class="child-name" style="--name-chars:${letters}">${name}</span>`);
  });
});
