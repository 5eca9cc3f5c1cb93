import { describe, expect, it } from 'vitest';
import { blockedShortcut, type KeyInput } from './kiosk-shortcuts.js';

function press(key: string, code: string, mods: Partial<Pick<KeyInput, 'control' | 'alt' | 'shift' | 'meta'>> = {}): KeyInput {
  return { type: 'keyDown', key, code, control: false, alt: false, shift: false, meta: false, ...mods };
}

describe('the shortcuts the kiosk window swallows', () => {
  it.each([
    ['Alt+F4', press('F4', 'F4', { alt: true }), 'close-window'],
    ['Ctrl+F4', press('F4', 'F4', { control: true }), 'close-window'],
    ['Ctrl+W', press('w', 'KeyW', { control: true }), 'close-window'],
    ['Ctrl+Shift+W', press('W', 'KeyW', { control: true, shift: true }), 'close-window'],
    ['Ctrl+Q', press('q', 'KeyQ', { control: true }), 'quit'],
    ['Cmd+Q', press('q', 'KeyQ', { meta: true }), 'quit'],
    ['Ctrl+R', press('r', 'KeyR', { control: true }), 'reload'],
    ['Ctrl+Shift+R', press('R', 'KeyR', { control: true, shift: true }), 'reload'],
    ['F5', press('F5', 'F5'), 'reload'],
    ['Ctrl+F5', press('F5', 'F5', { control: true }), 'reload'],
    ['Shift+F5', press('F5', 'F5', { shift: true }), 'reload'],
    ['the keyboard refresh key', press('BrowserRefresh', 'BrowserRefresh'), 'reload'],
    ['F11', press('F11', 'F11'), 'full-screen'],
    ['Ctrl+Shift+F', press('F', 'KeyF', { control: true, shift: true }), 'full-screen'],
    ['Ctrl+Shift+I', press('I', 'KeyI', { control: true, shift: true }), 'developer-tools'],
    ['Ctrl+Shift+J', press('J', 'KeyJ', { control: true, shift: true }), 'developer-tools'],
    ['Ctrl+Shift+C', press('C', 'KeyC', { control: true, shift: true }), 'developer-tools'],
    ['Cmd+Alt+I', press('i', 'KeyI', { meta: true, alt: true }), 'developer-tools'],
    ['F12', press('F12', 'F12'), 'developer-tools'],
    ['Ctrl+=', press('=', 'Equal', { control: true }), 'zoom'],
    ['Ctrl+-', press('-', 'Minus', { control: true }), 'zoom'],
    ['Ctrl+0', press('0', 'Digit0', { control: true }), 'zoom'],
    ['Ctrl+P', press('p', 'KeyP', { control: true }), 'print'],
    ['Ctrl+N', press('n', 'KeyN', { control: true }), 'new-window'],
    ['Ctrl+T', press('t', 'KeyT', { control: true }), 'new-window'],
    ['Alt+←', press('ArrowLeft', 'ArrowLeft', { alt: true }), 'history'],
    ['the keyboard back key', press('BrowserBack', 'BrowserBack'), 'history'],
  ] as const)('%s is swallowed (%s)', (_name, input, expected) => {
    expect(blockedShortcut(input)).toBe(expected);
    expect(blockedShortcut({ ...input, type: 'keyUp' })).toBe(expected);
  });

  it('refuses Ctrl+W, Ctrl+R and Ctrl+Q typed with the Kazakh or Russian layout (the character is ц, к, й: the key is the same)', () => {
    expect(blockedShortcut(press('ц', 'KeyW', { control: true }))).toBe('close-window');
    expect(blockedShortcut(press('к', 'KeyR', { control: true }))).toBe('reload');
    expect(blockedShortcut(press('й', 'KeyQ', { control: true }))).toBe('quit');
    expect(blockedShortcut(press('Ш', 'KeyI', { control: true, shift: true }))).toBe('developer-tools');
  });

  it('lets through a card reader, typing in the forms, copy and paste', () => {
    for (const digit of '0123456789') expect(blockedShortcut(press(digit, `Digit${digit}`))).toBeNull();
    expect(blockedShortcut(press('Enter', 'Enter'))).toBeNull();
    expect(blockedShortcut(press('Enter', 'NumpadEnter'))).toBeNull();
    expect(blockedShortcut(press('ә', 'Digit2'))).toBeNull();
    expect(blockedShortcut(press('w', 'KeyW'))).toBeNull();
    expect(blockedShortcut(press('W', 'KeyW', { shift: true }))).toBeNull();
    expect(blockedShortcut(press('r', 'KeyR', { alt: true }))).toBeNull();
    expect(blockedShortcut(press('F4', 'F4'))).toBeNull();
    expect(blockedShortcut(press('c', 'KeyC', { control: true }))).toBeNull();
    expect(blockedShortcut(press('v', 'KeyV', { control: true }))).toBeNull();
    expect(blockedShortcut(press('x', 'KeyX', { control: true }))).toBeNull();
    expect(blockedShortcut(press('a', 'KeyA', { control: true }))).toBeNull();
    expect(blockedShortcut(press('z', 'KeyZ', { control: true }))).toBeNull();
    expect(blockedShortcut(press('Backspace', 'Backspace'))).toBeNull();
    expect(blockedShortcut(press('Tab', 'Tab'))).toBeNull();
    expect(blockedShortcut(press('ArrowLeft', 'ArrowLeft'))).toBeNull();
    expect(blockedShortcut(press('Escape', 'Escape'))).toBeNull();
  });
});
