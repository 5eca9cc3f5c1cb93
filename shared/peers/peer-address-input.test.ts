import { describe, expect, it } from 'vitest';
import { peerAddressOf } from './peer-address-input.js';

describe('an address as typed', () => {
  it('takes an IPv4 address or a host name, adding the peer port when none is typed', () => {
    expect(peerAddressOf('192.168.1.23')).toBe('192.168.1.23:47620');
    expect(peerAddressOf(' 192.168.1.23:47625 ')).toBe('192.168.1.23:47625');
    expect(peerAddressOf('Office-PC.local')).toBe('office-pc.local:47620');
    expect(peerAddressOf('door2:1')).toBe('door2:1');
  });

  it('refuses what is no address', () => {
    for (const typed of ['', '   ', 'http://192.168.1.23', '192.168.1.256', '192.168.1', '1.2.3.4.5', 'door one', 'door:0', 'door:65536', 'door:', ':47620', '-door', 'a'.repeat(81)]) {
      expect(peerAddressOf(typed), typed).toBeNull();
    }
  });
});
