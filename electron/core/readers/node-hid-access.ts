// HidAccess over node-hid's async API. node-hid is loaded on first use, so a missing or unloadable native
// module turns into HidUnavailableError (a reader state staff can see) instead of stopping the kiosk.
import type * as NodeHidModule from 'node-hid';
import type { HIDAsync } from 'node-hid';
import { errorMessage, HidUnavailableError, type HidAccess, type HidConnection, type HidDeviceInfo } from './hid-access.js';

export type NodeHid = typeof NodeHidModule;

export class NodeHidAccess implements HidAccess {
  private loaded: Promise<NodeHid> | null = null;

  constructor(private readonly load: () => Promise<NodeHid> = loadNodeHid) {}

  async list(): Promise<HidDeviceInfo[]> {
    const hid = await this.module();
    const devices = await hid.devicesAsync();
    return devices.map((d) => ({ vendorId: d.vendorId, productId: d.productId, path: d.path, product: d.product }));
  }

  async open(device: HidDeviceInfo): Promise<HidConnection> {
    const hid = await this.module();
    const handle = device.path ? await hid.HIDAsync.open(device.path) : await hid.HIDAsync.open(device.vendorId, device.productId);
    return connectionOf(handle);
  }

  private module(): Promise<NodeHid> {
    // Through then(), so a loader that throws outright is caught the same way as one that rejects.
    this.loaded ??= Promise.resolve()
      .then(() => this.load())
      .catch((error: unknown) => {
        throw new HidUnavailableError(`node-hid cannot be loaded, so no HID reader can be read: ${errorMessage(error)}`);
      });
    return this.loaded;
  }
}

async function loadNodeHid(): Promise<NodeHid> {
  const hid = await import('node-hid');
  // node-hid loads its native binding lazily; ask for it now so a broken one fails here, once.
  hid.getHidapiVersion();
  return hid;
}

function connectionOf(handle: HIDAsync): HidConnection {
  return {
    start({ data, error }) {
      handle.on('data', (report: Buffer) => data(report));
      // node-hid's read thread reports an unplug with a string, not an Error.
      handle.on('error', (failure: unknown) => error(failure instanceof Error ? failure : new Error(String(failure))));
    },
    close: () => handle.close(),
  };
}
