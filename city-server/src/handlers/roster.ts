// GET /v1/roster?cursor=…: a delta since a cursor this server issued, else the whole roster.
import { ok, type AuthedHandler } from './context.js';

export const roster: AuthedHandler = (parts, request) => ok(parts.roster.reply(request.query.get('cursor') ?? undefined));
