// A cheap sign that the network came back, in Node: the machine's interface addresses changed (a cable plugged
// in, Wi-Fi joined, DHCP renewed). Polled, because Node has no event for it; the UI's `online` event nudges too.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type ReadInterfaces = () => NodeJS.Dict<NetworkInterfaceInfo[]>;

/** The non-loopback addresses, sorted: equal strings mean nothing changed. */
export function interfaceSignature(read: ReadInterfaces = networkInterfaces): string {
  const addresses: string[] = [];
  for (const [name, infos] of Object.entries(read())) {
    for (const info of infos ?? []) if (!info.internal) addresses.push(`${name}/${info.family}/${info.address}`);
  }
  return addresses.sort().join(',');
}

/** Calls onChange whenever the signature differs from the last one seen. Returns the stop function. */
export function watchNetwork(onChange: () => void, intervalMs = 5_000, read: ReadInterfaces = networkInterfaces): () => void {
  let last = interfaceSignature(read);
  const timer = setInterval(() => {
    const now = interfaceSignature(read);
    if (now === last) return;
    last = now;
    onChange();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
