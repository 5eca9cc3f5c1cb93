// Dials a peer port as some machine (a member, a stranger, a removed one) and runs the initiator's handshake: the channel
// when the other side accepted, or how the socket ended. For the link's tests, which must act as what a real peer is not.
import WebSocket from 'ws';
import { SigmaInitiator, type MemberLookup, type OwnIdentity, type PeerChannel } from '../channel/handshake.js';

export interface DialedSocket {
  ws: WebSocket;
  channel: PeerChannel;
  /** The close code, when the socket closed. */
  closed: Promise<number>;
  /** The other side's session messages, opened in order (those that came before a listener are kept for it). */
  onText: (listener: (text: string) => void) => void;
}

export type DialOutcome = { t: 'open'; socket: DialedSocket } | { t: 'closed'; code: number; refused: string | null };

export function dialAs(port: number, own: OwnIdentity, members: MemberLookup, path = '/esik-peer/1'): Promise<DialOutcome> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    const initiator = new SigmaInitiator(own, members);
    let channel: PeerChannel | null = null;
    let refused: string | null = null;
    const early: string[] = [];
    let listener: ((text: string) => void) | null = null;
    const onText = (l: (text: string) => void): void => {
      listener = l;
      for (const text of early.splice(0)) l(text);
    };
    ws.on('error', () => undefined);
    ws.once('open', () => ws.send(initiator.hello()));
    void closed.then((code) => channel === null && resolve({ t: 'closed', code, refused }));
    ws.on('message', (data: Buffer, isBinary) => {
      if (refused !== null) return;
      // Frames after the handshake come in the same read as its last one: each is opened here, in order.
      if (channel !== null) {
        const opened = channel.opener.open(new Uint8Array(data));
        if (!opened.ok) return;
        if (listener === null) early.push(opened.text);
        else listener(opened.text);
        return;
      }
      const step = initiator.receive(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      if (step.t === 'send') return ws.send(step.text);
      if (step.t === 'refused') {
        refused = step.code;
        return ws.close(step.close, step.code);
      }
      channel = step.channel;
      resolve({ t: 'open', socket: { ws, channel, closed, onText } });
    });
  });
}
