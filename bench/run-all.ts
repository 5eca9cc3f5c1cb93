// `npm run bench`: every benchmark, printing `BENCH <name> <value> <unit>` lines.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAdminQueries } from './admin-queries.js';
import { benchBackup } from './backup.js';
import { benchCameraSoak } from './camera-soak.js';
import { benchCityPush } from './city-push.js';
import { benchDoorReady } from './door-ready.js';
import { benchDoorTap } from './door-tap.js';
import { benchFullCheck } from './full-check.js';
import { benchIdleCpu } from './idle-cpu.js';
import { benchPeerCatchup } from './peer-catchup.js';
import { benchPeerHave } from './peer-have.js';
import { benchPeerVisible } from './peer-visible.js';
import { benchPinChecks } from './pin-checks.js';
import { benchQrCameraE2e } from './qr-camera-e2e.js';
import { benchQrDecodeRate } from './qr-decode-rate.js';
import { benchQrToConfirm } from './qr-to-confirm.js';
import { benchRawInsert } from './raw-insert.js';
import { benchRosterApply } from './roster-apply.js';
import { benchStaffOps } from './staff-ops.js';
import { benchSyncPush } from './sync-push.js';
import { benchTapToConfirm } from './tap-to-confirm.js';
import { repoRoot } from '../e2e/support/kiosk-host.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-'));
try {
  benchRawInsert(dir);
  benchRosterApply(dir);
  await benchStaffOps(dir);
  await benchPinChecks(dir);
  await benchDoorTap(join(dir, 'door-tap'));
  await benchDoorReady(join(dir, 'door-ready'));
  // Two doors as the built web host's processes (`npm run bench` builds dist/ first).
  await benchPeerVisible(join(dir, 'peer-visible'), join(repoRoot, 'dist/web/cli.mjs'));
  await benchPeerCatchup(join(dir, 'peer-catchup'), join(repoRoot, 'dist/web/cli.mjs'));
  mkdirSync(join(dir, 'peer-have'));
  benchPeerHave(join(dir, 'peer-have'));
  benchFullCheck();
  await benchTapToConfirm(join(dir, 'kiosk'));
  await benchSyncPush(join(dir, 'sync'));
  await benchCityPush();
  await benchBackup(join(dir, 'backup'));
  await benchQrToConfirm(join(dir, 'camera'));
  await benchQrCameraE2e(join(dir, 'camera-e2e'));
  await benchIdleCpu(join(dir, 'idle'));
  await benchCameraSoak(join(dir, 'soak'));
  await benchQrDecodeRate(join(dir, 'qr-set'));
  benchAdminQueries();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
