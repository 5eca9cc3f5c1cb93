import { describe, expect, it } from 'vitest';
import { startsAsDemo } from '../core/setup/demo-mode.js';
import { appArguments, MAIN_USAGE, parseMainCommandLine } from './main-args.js';

describe("the Electron app's command line", () => {
  it('takes the arguments after the executable, and after the app path when run as `electron <path>`', () => {
    expect(appArguments(['/opt/Esik/esik', '--help'], false)).toEqual(['--help']);
    expect(appArguments(['/usr/bin/electron', 'dist/electron/main.cjs', '--help'], true)).toEqual(['--help']);
    // Playwright's electron.launch puts its switches before the app's path: they pass through.
    const launched = appArguments(['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/repo/dist/electron/main.cjs'], true);
    expect(launched).toEqual(['--inspect=0', '--remote-debugging-port=0']);
    expect(parseMainCommandLine(launched)).toEqual({ kind: 'run', dataDir: undefined, demoFlag: false, noDemoFlag: false });
    expect(parseMainCommandLine(['-psn_0_12345'])).toEqual({ kind: 'run', dataDir: undefined, demoFlag: false, noDemoFlag: false });
  });

  it('answers --help, --data-dir and restore, and passes Chromium switches through', () => {
    expect(parseMainCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseMainCommandLine(['--no-sandbox', '--data-dir', '/srv/esik', '--remote-debugging-port=9222'])).toEqual({ kind: 'run', dataDir: '/srv/esik', demoFlag: false, noDemoFlag: false });
    expect(parseMainCommandLine(['--data-dir=/srv/esik'])).toEqual({ kind: 'run', dataDir: '/srv/esik', demoFlag: false, noDemoFlag: false });
    expect(parseMainCommandLine(['restore', '--list', '--data-dir', '/srv/esik'])).toEqual({ kind: 'restore', args: ['--list', '--data-dir', '/srv/esik'] });
    expect(MAIN_USAGE).toContain('esik restore (--list | --newest | --copy <file>)');
  });

  it('an installed app is the demo only with --demo (app.isPackaged), --no-demo never', () => {
    const run = (args: string[]) => {
      const command = parseMainCommandLine(args);
      if (command.kind !== 'run') throw new Error(`not a run: ${command.kind}`);
      return startsAsDemo({ packaged: true, demoFlag: command.demoFlag, noDemoFlag: command.noDemoFlag, env: '1' });
    };
    expect(run([])).toBe(false);
    expect(run(['--demo'])).toBe(true);
    expect(run(['--demo', '--no-demo'])).toBe(false);
    expect(MAIN_USAGE).toContain('--demo');
  });

  it('tells an unknown option or command in one line', () => {
    expect(parseMainCommandLine(['--verbose'])).toEqual({ kind: 'wrong', message: 'unknown option: --verbose' });
    expect(parseMainCommandLine(['--data-dir'])).toEqual({ kind: 'wrong', message: '--data-dir: needs a value' });
    expect(parseMainCommandLine(['start'])).toEqual({ kind: 'wrong', message: 'unknown command: start' });
  });
});
