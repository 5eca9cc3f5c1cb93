import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { interfaceSignature, watchNetwork } from './network-watch.js';

const info = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
});

describe('network change detection', () => {
  it('ignores loopback and the order interfaces are listed in', () => {
    expect(interfaceSignature(() => ({ lo: [info('127.0.0.1', true)] }))).toBe('');
    expect(interfaceSignature(() => ({ eth0: [info('10.0.0.2')], wlan0: [info('192.168.1.5')] }))).toBe(
      interfaceSignature(() => ({ wlan0: [info('192.168.1.5')], eth0: [info('10.0.0.2')] })),
    );
  });

  it('calls back once per change: cable out, cable in', async () => {
    let current: Record<string, NetworkInterfaceInfo[]> = { eth0: [info('10.0.0.2')] };
    let changes = 0;
    const stop = watchNetwork(() => (changes += 1), 5, () => current);
    const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));
    await tick();
    expect(changes).toBe(0);
    current = {};
    await tick();
    expect(changes).toBe(1);
    current = { eth0: [info('10.0.0.7')] };
    await tick();
    expect(changes).toBe(2);
    stop();
  });
});
