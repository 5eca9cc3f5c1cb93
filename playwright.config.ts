// End-to-end tests: the built kiosk in its web host, driven through Debian's Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/browser.js';

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
    },
    // Tracing snapshots between input events would stretch a reader's 5 ms key gaps past the burst limit.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
