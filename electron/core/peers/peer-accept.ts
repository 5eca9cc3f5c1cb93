// The listener side of a session: a connection on /esik-peer/1 runs the responder's handshake (text frames), then the
// same PeerSession the dialer runs. The listener keeps the door (link/peer-listener.ts); this says who came in.
import { PEER_CLOSE } from '../../../shared/peers/peer-protocol.js';
import { SigmaResponder, type MemberLookup, type OwnIdentity } from './channel/handshake.js';
import type { PeerConnection } from './link/peer-listener.js';
import { PeerSession, type PeerSessionOptions } from './peer-session.js';
import type { PeerSessions } from './peer-sessions.js';
import type { Refusal } from './refusal-audit.js';

/** What both sides need to run sessions: who this machine is, who its members are, and the session's parts. */
export interface SessionDeps extends Omit<PeerSessionOptions, 'channel' | 'transport'> {
  own: OwnIdentity;
  members: MemberLookup;
  sessions: PeerSessions;
  /** A refused handshake, for this machine's trail (peers/refusal-audit.ts). */
  refused?(refusal: Refusal): void;
}

export function acceptPeerSession(connection: PeerConnection, deps: SessionDeps): void {
  if (connection.path !== 'session') return connection.close(PEER_CLOSE.PEER_BAD_FRAME, 'not the session path');
  const responder = new SigmaResponder(deps.own, deps.members);
  let session: PeerSession | null = null;
  connection.onClose(() => {
    if (session === null) return;
    session.ended();
    deps.sessions.remove(session);
  });
  connection.onMessage((data, isBinary) => {
    if (session !== null) return session.receive(data, isBinary);
    const step = responder.receive(isBinary ? new Uint8Array(data) : data.toString('utf8'));
    if (step.t === 'send') return connection.send(step.text);
    if (step.t === 'refused') {
      deps.logLine(`[peers] ${connection.remote}: handshake refused ${step.code}`);
      deps.refused?.({ reason: step.code, side: 'accepted', remoteKey: step.peerDeviceId, remote: connection.remote, detail: 'handshake refused' });
      return connection.close(step.close, step.code);
    }
    connection.authenticated();
    if (step.send !== null) connection.send(step.send);
    session = new PeerSession({ ...deps, dialled: false, channel: step.channel, transport: { send: (f) => connection.send(f), close: (c, r) => connection.close(c, r) } });
    deps.sessions.add(session);
    session.start();
  });
}
