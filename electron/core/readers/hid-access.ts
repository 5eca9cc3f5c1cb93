// The little of HID the reader service needs, so tests can replay recorded devices where there is no
// hardware. Production: NodeHidAccess (node-hid).

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** The OS path (hidraw node, Windows device path); opening by path picks this very interface. */
  path?: string;
  product?: string;
}

export interface HidConnection {
  /** Starts reading: `data` for every input report, `error` once when the device fails (it was unplugged). */
  start(handlers: { data: (report: Buffer) => void; error: (error: Error) => void }): void;
  close(): Promise<void>;
}

export interface HidAccess {
  list(): Promise<HidDeviceInfo[]>;
  open(device: HidDeviceInfo): Promise<HidConnection>;
}

/** HID cannot be used at all on this machine (the native module is missing or does not load): retrying will not help. */
export class HidUnavailableError extends Error {
  override readonly name = 'HidUnavailableError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
