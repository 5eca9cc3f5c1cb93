import { describe, expect, it } from 'vitest';
import { startsAsDemo } from '../core/setup/demo-mode.js';
import { parseCommandLine } from './cli-args.js';

/** The web host runs from the sources (npm start): as cli.ts decides it. */
function demoOf(argv: string[], env: NodeJS.ProcessEnv): boolean {
  const command = parseCommandLine(argv, env);
  if (command.kind !== 'run') throw new Error(`not a run: ${command.kind}`);
  return startsAsDemo({ packaged: false, demoFlag: command.options.demo, noDemoFlag: command.options.noDemo, env: env.ESIK_DEMO });
}

describe("the web host's demo", () => {
  it('npm start keeps the demo; --no-demo and ESIK_DEMO=0 turn it off; --demo brings it back', () => {
    expect(demoOf([], {})).toBe(true);
    expect(demoOf(['--no-demo'], {})).toBe(false);
    expect(demoOf([], { ESIK_DEMO: '0' })).toBe(false);
    expect(demoOf(['--demo'], { ESIK_DEMO: '0' })).toBe(true);
  });
});
