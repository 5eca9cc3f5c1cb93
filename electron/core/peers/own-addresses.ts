// Where this machine can be reached by its peers (docs/peers.md §3 step 1, §4): the LAN's IPv4 addresses with the peer
// port, shown beside a pairing code and told in every handshake and `have`. Bound to one host (tests: 127.0.0.1), only
// that one.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

const MAX_ADDRESSES = 8;

export function ownAddresses(host: string, port: number, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${host}:${port}`];
  const found: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) found.push(`${info.address}:${port}`);
  }
  // A machine with no LAN at all still answers on its own loopback (a kiosk tried alone).
  return (found.length > 0 ? found : [`127.0.0.1:${port}`]).slice(0, MAX_ADDRESSES);
}
