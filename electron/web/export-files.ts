// The web host's download route for the admin's exports: GET /exports/<file name> serves a file from the data
// folder's exports/ folder and nothing else — only names an export can have (no folders, no dots but the
// extension's), always as a download. The host lets only a request with the kiosk page's session cookie get here.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { ExportFileNameSchema } from '../../shared/admin/admin-contract.js';
import { resolveInside } from '../core/files/resolve-inside.js';

export const EXPORTS_PATH = '/exports/';

const types: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  // The admin's support bundle (the logs and a diagnostics report).
  '.zip': 'application/zip',
  // A USB stick written for the kindergarten's other computers (sealed and signed: docs/peer-protocol.md).
  '.esikpeer': 'application/octet-stream',
};

/** Answers a request under /exports/; `headers` are the host's security headers. */
export async function serveExport(exportsDir: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const refuse = (status: 404): void => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('not found');
  };
  const name = decoded((req.url ?? '').slice(EXPORTS_PATH.length).split('?')[0] ?? '');
  const parsed = ExportFileNameSchema.safeParse(name);
  const file = parsed.success ? resolveInside(exportsDir, `/${parsed.data}`) : null;
  const type = file ? types[extname(file)] : undefined;
  if (!file || !type) return refuse(404);
  try {
    const body = await readFile(file);
    res
      .writeHead(200, {
        ...headers,
        'Content-Type': type,
        // A stick's name may hold the machine's name in Cyrillic: a header is Latin-1, so the name goes as RFC 5987 too.
        'Content-Disposition': contentDisposition(parsed.data ?? 'export'),
        'Cache-Control': 'no-store',
      })
      .end(body);
  } catch {
    refuse(404);
  }
}

function contentDisposition(name: string): string {
  const latin = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return latin === name ? `attachment; filename="${name}"` : `attachment; filename="${latin}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The name as the browser sent it, percent-encoded (a stick's Cyrillic); undecodable text stays as it is and is refused. */
function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
