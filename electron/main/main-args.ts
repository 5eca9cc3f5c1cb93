// The Electron app's command line: `--help`, `--data-dir`, the `restore` command, and Chromium's own switches passed
// through. Anything else is told in one line with the usage after it (exit code 2). No 'electron' import here: the
// shell hands in process.argv.
import { RESTORE_USAGE } from '../core/backup/restore/restore-command.js';

/** Switches Chromium or Electron read themselves (a kiosk's launcher may add them): not Esik's to refuse. */
const PASSED_THROUGH = ['--no-sandbox', '--disable-gpu', '--enable-logging', '--remote-debugging-port', '--inspect', '--ozone-platform', '--enable-features', '--disable-features', '--use-gl', '-psn'];

export const MAIN_USAGE = `Usage: esik [--data-dir <folder>] [--demo | --no-demo] [--peer-port <number>]
       esik restore (--list | --newest | --copy <file>) [--data-dir <folder>] [--second-place <folder>]

Runs the Esik kiosk.

Options:
  --data-dir <folder>  the kiosk's data folder (default: ESIK_DATA_DIR, or the app's own folder)
  --demo               fill an empty database with the demo kindergarten (an installed app never does otherwise)
  --no-demo            never the demo, also when run from the sources
  --peer-port <number> the port the kindergarten's other computers reach this one on (default: the setting, 47620)
  -h, --help           print this and exit
Chromium's switches ${PASSED_THROUGH.join(', ')} are passed through.

Commands:
  restore              restore the records from a verified copy (quit the kiosk first):

${RESTORE_USAGE.split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}`;

export type MainCommand = { kind: 'help' } | { kind: 'wrong'; message: string } | { kind: 'restore'; args: string[] } | { kind: 'run'; dataDir: string | undefined; demoFlag: boolean; noDemoFlag: boolean; peerPort: number | undefined };

/**
 * The app's own arguments: after the executable, and, when run as `electron [switches] <path>` (npm start, Playwright),
 * without the app's path; switches before it (Playwright's --inspect=0, --remote-debugging-port=0) stay, passed through.
 */
export function appArguments(argv: readonly string[], defaultApp: boolean): string[] {
  const rest = argv.slice(1);
  if (!defaultApp) return rest;
  const appPath = rest.findIndex((arg) => !arg.startsWith('-'));
  return appPath < 0 ? rest : [...rest.slice(0, appPath), ...rest.slice(appPath + 1)];
}

export function parseMainCommandLine(args: readonly string[]): MainCommand {
  if (args[0] === 'restore') return { kind: 'restore', args: args.slice(1) };
  let dataDir: string | undefined;
  let demoFlag = false;
  let noDemoFlag = false;
  let peerPort: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--demo' || arg === '--no-demo') {
      if (arg === '--demo') demoFlag = true;
      else noDemoFlag = true;
      continue;
    }
    if (arg === '--data-dir') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('-')) return { kind: 'wrong', message: '--data-dir: needs a value' };
      dataDir = value;
      i += 1;
      continue;
    }
    if (arg === '--peer-port' || arg.startsWith('--peer-port=')) {
      const value = arg === '--peer-port' ? args[(i += 1)] : arg.slice('--peer-port='.length);
      const port = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || port < 1 || port > 65535) return { kind: 'wrong', message: `--peer-port must be a number from 1 to 65535, not ${value ?? 'nothing'}` };
      peerPort = port;
      continue;
    }
    if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
      continue;
    }
    const name = arg.split('=')[0] ?? arg;
    // -psn_0_1234: the process serial number older macOS adds when the app is opened from the Finder.
    if (PASSED_THROUGH.some((known) => name === known || name.startsWith(`${known}-`) || name.startsWith(`${known}_`))) continue;
    if (arg.startsWith('-')) return { kind: 'wrong', message: `unknown option: ${name}` };
    return { kind: 'wrong', message: `unknown command: ${arg}` };
  }
  return { kind: 'run', dataDir, demoFlag, noDemoFlag, peerPort };
}
