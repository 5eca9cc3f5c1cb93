// An address as a person types it on the join step or beside a member on *Computers* (docs/peers.md §4): an IPv4
// address or a host name, with or without the port. Without one the peer port's default is meant, as the sponsor's
// pairing screen shows it; anything else (spaces, a URL, a port out of range) is no address.
import { DEFAULT_PEER_PORT } from './peer-protocol.js';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** "host:port" as the peer link dials it, or null for what is no address. */
export function peerAddressOf(typed: string): string | null {
  const text = typed.trim();
  if (text === '' || text.length > 80) return null;
  const colon = text.lastIndexOf(':');
  const host = colon === -1 ? text : text.slice(0, colon);
  const portText = colon === -1 ? String(DEFAULT_PEER_PORT) : text.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return null;
  const port = Number(portText);
  if (port < 1 || port > 65_535) return null;
  const ipv4 = IPV4.exec(host);
  // Digits and dots only: an IPv4 address, every part within a byte (a host name is never all digits).
  if (/^[\d.]+$/.test(host)) {
    if (!ipv4 || ipv4.slice(1).some((part) => Number(part) > 255)) return null;
  } else if (!HOST.test(host)) return null;
  return `${host.toLowerCase()}:${port}`;
}
