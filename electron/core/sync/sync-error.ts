// Every way an exchange with the city can fail, as one typed error with a code the status line and the logs use.
import type { SyncErrorCode } from '../../../shared/sync/sync-status.js';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** The HTTP status when there was one. */
    readonly status: number | null = null,
    /** The server's own error code from an error reply, when it sent a readable one. */
    readonly serverCode: string | null = null,
  ) {
    super(`${code}: ${message}`);
    this.name = 'SyncError';
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}
