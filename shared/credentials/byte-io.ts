// Sequential writing and bounds-checked reading of the few binary field types the QR payload uses.
// The reader never throws: a short or oversized field makes it return null, and the caller says why.

const MAX_U32 = 0xffff_ffff;

export class ByteWriter {
  private readonly bytes: number[] = [];

  u8(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`not a byte: ${value}`);
    this.bytes.push(value);
    return this;
  }

  u32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > MAX_U32) throw new RangeError(`not a u32: ${value}`);
    this.bytes.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    return this;
  }

  /** Unsigned LEB128, at most 5 bytes (values up to 2^32 − 1): small numbers cost one byte. */
  varint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > MAX_U32) throw new RangeError(`not a u32: ${value}`);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.bytes.push(...bytes);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private offset = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(): number | null {
    if (this.remaining < 1) return null;
    return this.bytes[this.offset++] ?? null;
  }

  u32(): number | null {
    const b = this.take(4);
    if (!b) return null;
    return (((b[0] ?? 0) << 24) >>> 0) + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0);
  }

  /** Null when the varint runs past the end or past 2^32 − 1. Non-minimal forms are caught by the caller's round trip. */
  varint(): number | null {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = this.u8();
      if (byte === null) return null;
      value += (byte & 0x7f) * 0x80 ** i;
      if ((byte & 0x80) === 0) return value <= MAX_U32 ? value : null;
    }
    return null;
  }

  take(length: number): Uint8Array | null {
    if (length < 0 || this.remaining < length) return null;
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  rest(): Uint8Array {
    return this.take(this.remaining) ?? new Uint8Array(0);
  }
}
