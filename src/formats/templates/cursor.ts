import { SeccomError } from '../../errors/index.ts';

/** Big-endian reads that fail as SECCOM_TEMPLATE_TRUNCATED naming the field being read. */
export class TemplateCursor {
  pos = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly end = bytes.length,
  ) {}

  private need(n: number, field: string): void {
    if (this.pos + n > this.end) {
      throw new SeccomError('SECCOM_TEMPLATE_TRUNCATED', `template ends inside ${field}`, { location: { offset: this.pos, field } });
    }
  }

  u8(field: string): number {
    this.need(1, field);
    return this.bytes[this.pos++]!;
  }

  u16(field: string): number {
    this.need(2, field);
    const v = (this.bytes[this.pos]! << 8) | this.bytes[this.pos + 1]!;
    this.pos += 2;
    return v;
  }

  u32(field: string): number {
    return this.u16(field) * 0x10000 + this.u16(field);
  }

  take(n: number, field: string): Uint8Array {
    this.need(n, field);
    const out = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Big-endian writer into a growing buffer. */
export class TemplateWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): void {
    this.room(1);
    this.buf[this.length++] = v;
  }

  u16(v: number): void {
    this.u8(v >>> 8);
    this.u8(v & 0xff);
  }

  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000));
    this.u16(v % 0x10000);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Overwrites a 16/32-bit field written earlier (record lengths known only at the end). */
  patch32(at: number, v: number): void {
    const save = this.length;
    this.length = at;
    this.u32(v);
    this.length = save;
  }

  patch16(at: number, v: number): void {
    const save = this.length;
    this.length = at;
    this.u16(v);
    this.length = save;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
