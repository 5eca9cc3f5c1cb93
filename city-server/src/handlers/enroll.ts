// POST /v1/enroll: a one-time code from the city's admin and the kiosk's own public key → a device and a token.
import { EnrollRequestSchema, type EnrollReply } from '../../../shared/sync/protocol.js';
import { HttpError } from '../http/errors.js';
import { ok, parseBody, type Handler } from './context.js';

export const enroll: Handler = (parts, request) => {
  const { enrollmentCode, publicKey, deviceName, deviceId } = parseBody(EnrollRequestSchema, request.body);
  const outcome = parts.auth.enroll({ code: enrollmentCode, publicKey, deviceName, deviceId }, request.now);
  if (!outcome.ok && outcome.reason === 'device-id-taken') {
    throw new HttpError('DEVICE_ID_TAKEN', 'another device with another key is registered under this device id');
  }
  if (!outcome.ok) throw new HttpError('ENROLLMENT_CODE_INVALID', 'this enrollment code is unknown or already used');
  parts.log(`enrolled ${outcome.deviceId} (${deviceName})`);
  const reply: EnrollReply = { deviceId: outcome.deviceId, kindergartenId: outcome.kindergartenId, token: outcome.token };
  return ok(reply);
};
