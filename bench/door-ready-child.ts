// One kiosk start for bench/door-ready.ts, in a process of its own: opens the core on the given data folder, answers
// one card tap and prints `DOOR_READY <ms since this process started> <ms since the core began to open> <reply> <state>`. Runs from source (tsx), as `npm start`
// does without a build.
import { KioskCore } from '../electron/core/kiosk-core.js';
import { DEV_AUDIT_WORKER_SCRIPT } from '../electron/core/services/dev-audit-worker-script.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: door-ready-child.ts <data folder>');
const openingMs = performance.now();
const core = new KioskCore({ dataDir, demo: false, log: () => undefined, audit: { workerScript: DEV_AUDIT_WORKER_SCRIPT } });
const reply = core.handlers.identifyCard({ raw: '0004512346', source: 'keyboard-wedge' });
const answeredMs = performance.now();
const status = core.handlers.getStatus({});
console.log(`DOOR_READY ${answeredMs.toFixed(1)} ${(answeredMs - openingMs).toFixed(1)} ${reply.ok ? reply.value.kind : reply.error.code} ${status.ok ? status.value.state : 'no-status'}`);
core.close();
process.exit(0);
