// The web host's command line: the options of `node dist/web/cli.mjs`, `--help`, and the `restore` command. A wrong
// command line is told in one line with the usage after it (exit code 2), never as a stack trace.
import { parseArgs } from 'node:util';
import { RESTORE_USAGE } from '../core/backup/restore/restore-command.js';

export const USAGE = `Usage: node dist/web/cli.mjs [options]
       node dist/web/cli.mjs restore (--list | --newest | --copy <file>) [--data-dir <folder>] [--second-place <folder>]

Runs the Esik kiosk in a local web host and opens it in an app window (Chromium, Chrome or Edge).

Options:
  --data-dir <folder>  the kiosk's data folder (default: the platform's, or ESIK_DATA_DIR)
  --port <number>      the port on 127.0.0.1 (default: any free one, or ESIK_PORT)
  --no-window          open no window; the link that opens the kiosk is written into the data folder
  --no-demo            do not fill an empty database with the demo kindergarten (ESIK_DEMO=0 does the same)
  --demo               the demo kindergarten even where ESIK_DEMO=0
  --kiosk              open the window full screen, as a kiosk
  --peer-port <number> the port the kindergarten's other computers reach this one on (default: the setting, 47620)
  -h, --help           print this and exit

Commands:
  restore              restore the records from a verified copy while the kiosk is stopped:

${RESTORE_USAGE.split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}`;

export interface RunOptions {
  noWindow: boolean;
  dataDir: string | undefined;
  port: number;
  noDemo: boolean;
  demo: boolean;
  kiosk: boolean;
  /** --peer-port: over the setting peerPort (docs/peers.md §2); undefined: the setting. */
  peerPort: number | undefined;
}

export type CliCommand = { kind: 'help' } | { kind: 'wrong'; message: string } | { kind: 'restore'; args: string[] } | { kind: 'run'; options: RunOptions };

/** What the command line asks for; `env` gives the defaults ESIK_NO_WINDOW and ESIK_PORT. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): CliCommand {
  if (argv[0] === 'restore') return { kind: 'restore', args: argv.slice(1) };
  let values: { 'no-window'?: boolean | undefined; 'data-dir'?: string | undefined; port?: string | undefined; 'no-demo'?: boolean | undefined; demo?: boolean | undefined; kiosk?: boolean | undefined; help?: boolean | undefined; 'peer-port'?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        'no-window': { type: 'boolean' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'no-demo': { type: 'boolean' },
        demo: { type: 'boolean' },
        kiosk: { type: 'boolean' },
        'peer-port': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    return { kind: 'wrong', message: oneLine(error) };
  }
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0) return { kind: 'wrong', message: `unknown command: ${positionals[0] ?? ''}` };
  const portText = values.port ?? env.ESIK_PORT ?? '0';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return { kind: 'wrong', message: `--port must be a number from 0 to 65535, not ${portText}` };
  const peerPortText = values['peer-port'];
  const peerPort = peerPortText === undefined ? undefined : Number(peerPortText);
  if (peerPortText !== undefined && (!/^\d+$/.test(peerPortText) || peerPort === undefined || peerPort < 1 || peerPort > 65535)) {
    return { kind: 'wrong', message: `--peer-port must be a number from 1 to 65535, not ${peerPortText}` };
  }
  return {
    kind: 'run',
    options: {
      noWindow: values['no-window'] ?? env.ESIK_NO_WINDOW === '1',
      dataDir: values['data-dir'],
      port,
      noDemo: values['no-demo'] ?? false,
      demo: values.demo ?? false,
      kiosk: values.kiosk ?? false,
      peerPort,
    },
  };
}

/** Node's parse errors, said in one short line ("unknown option: --verbose"). */
function oneLine(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const named = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option: ${named}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${named.split(' ')[0] ?? named}: ${message.includes('argument missing') ? 'needs a value' : 'takes no value'}`;
  return message.split('\n')[0] ?? message;
}
