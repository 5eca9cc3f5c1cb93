// "Save a support bundle": the log files and the diagnostics report in one zip, written into the exports folder like
// any export. Nothing personal is in it: the report holds counts and states, the logs hold no names, PINs, secrets
// or card numbers (logging/redaction.ts). Zipped by fflate on its own worker threads, so the door is not kept waiting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zip, type AsyncZippable } from 'fflate';
import type { LocalTime } from '../../../shared/domain/local-time.js';
import { exportStamp, writeExport } from '../admin/export/exports-dir.js';
import { listLogFiles } from '../logging/log-files.js';
import { logFolderOf } from '../logging/rotating-log-file.js';

/** The newest log files up to this size go in; older ones are named in the report as left out. */
export const MAX_BUNDLE_LOG_BYTES = 64 * 1024 * 1024;

export interface SupportBundle {
  fileName: string;
  path: string;
  bytes: number;
  logFiles: number;
}

export async function writeSupportBundle(dataDir: string, report: object, at: LocalTime, maxLogBytes = MAX_BUNDLE_LOG_BYTES): Promise<SupportBundle> {
  const logDir = logFolderOf(dataDir);
  const files: AsyncZippable = {};
  const leftOut: string[] = [];
  let total = 0;
  for (const file of listLogFiles(logDir).reverse()) {
    let body: Buffer;
    try {
      body = readFileSync(join(logDir, file.name));
    } catch {
      leftOut.push(file.name);
      continue;
    }
    if (total + body.length > maxLogBytes) {
      leftOut.push(file.name);
      continue;
    }
    total += body.length;
    files[`logs/${file.name}`] = body;
  }
  const logFiles = Object.keys(files).length;
  files['diagnostics.json'] = Buffer.from(`${JSON.stringify({ ...report, logsLeftOut: leftOut }, null, 2)}\n`);
  const zipped = await new Promise<Uint8Array>((resolve, reject) => {
    zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data)));
  });
  const written = writeExport(dataDir, `esik-support-${exportStamp(at)}.zip`, Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength));
  return { ...written, logFiles };
}
