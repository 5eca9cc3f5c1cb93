// Every failure the server answers is an ErrorReply with one of these codes (docs/sync-protocol.md, "Errors").
export const ERROR_CODES = {
  PROTOCOL_UNSUPPORTED: 426,
  MALFORMED_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  ENROLLMENT_CODE_INVALID: 403,
  DEVICE_MISMATCH: 403,
  DEVICE_ID_TAKEN: 409,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Thrown anywhere in a request's handling; the server turns it into an ErrorReply with the code's status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = ERROR_CODES[code];
  }
}
