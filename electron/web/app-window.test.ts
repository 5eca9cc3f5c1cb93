// The attack from the issue, as it was done: another account reads the app window's command line in /proc and
// tries the link it finds there. A stand-in browser (a small script) opens its --app link like Chromium would.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDataDir } from '../core/testing/fixtures.js';
import { openAppWindow } from './app-window.js';
import { redeem, startTestHost } from './testing/test-host.js';

const standInBrowser = `#!${process.execPath}
const link = process.argv.find((arg) => arg.startsWith('--app='))?.slice('--app='.length);
fetch(link, { redirect: 'manual' }).then((res) => console.log(res.status));
setInterval(() => undefined, 1000);
`;

describe.skipIf(process.platform !== 'linux')('the app window command line (reads /proc; Linux only)', () => {
  it('carries a link that is worth nothing once the window has opened it', async () => {
    const test = await startTestHost();
    const browser = join(tempDataDir(), 'browser');
    writeFileSync(browser, standInBrowser);
    chmodSync(browser, 0o755);
    const saved = { ESIK_BROWSER: process.env.ESIK_BROWSER, DISPLAY: process.env.DISPLAY };
    process.env.ESIK_BROWSER = browser;
    process.env.DISPLAY = process.env.DISPLAY ?? ':0';
    const used = (): number => test.logs.filter((line) => line.includes('a launch link was used')).length;
    const usedBefore = used();
    const window = openAppWindow(test.host.launchUrl(), join(tempDataDir(), 'profile'), false);
    process.env.ESIK_BROWSER = saved.ESIK_BROWSER;
    process.env.DISPLAY = saved.DISPLAY;
    if (saved.ESIK_BROWSER === undefined) delete process.env.ESIK_BROWSER;
    if (saved.DISPLAY === undefined) delete process.env.DISPLAY;
    if ('reason' in window) throw new Error(window.reason);
    const pid = window.process.pid;
    if (pid === undefined) throw new Error('the stand-in browser did not start');
    onTestFinished(() => void window.process.kill('SIGTERM'));

    const deadline = Date.now() + 10_000;
    while (used() === usedBefore && Date.now() < deadline) await sleep(20);
    expect(used(), 'the window opened its link').toBe(usedBefore + 1);

    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const link = cmdline.find((arg) => arg.startsWith('--app='))?.slice('--app='.length) ?? '';
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\?code=/);
    expect(await redeem(link)).toBeNull();
  });
});
