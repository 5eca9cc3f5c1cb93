import { PROTOCOL_VERSION, type HelloReply } from '../../../shared/sync/protocol.js';
import { ok, type Handler } from './context.js';

export const hello: Handler = (parts) => {
  const reply: HelloReply = { protocolVersions: [PROTOCOL_VERSION], serverName: parts.serverName };
  return ok(reply);
};
