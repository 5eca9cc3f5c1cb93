// A process that starts the way the shells do, behind guardStart, then ends as told: `throw` (an uncaught error, as
// a start that fails), `exit` (a clean stop) or `recover?` (prints the verdict). For crash-loop-guard.test.ts.
import { guardStart } from '../crash-loop-guard.js';

const [dataDir = '', how = ''] = process.argv.slice(2);
const verdict = guardStart({ dataDir, log: () => undefined });
console.log(`VERDICT ${verdict.kind}`);
if (verdict.kind === 'start') {
  if (how === 'throw') throw new Error('the records folder is not what it should be');
  if (how === 'exit') process.exit(0);
}
