// Where a log view keeps the bytes of its lines: appended into large pages outside the
// JavaScript heap. A followed stream at 500,000 lines a second would otherwise leave ten
// thousand live strings in the young generation at every collection; V8 promotes them, the
// old generation fills with dead lines and the process grows by tens of megabytes. Pages
// are dropped by the garbage collector once no held line points into them any more.

const PAGE_BYTES = 64 * 1024;
// The most UTF-8 bytes one UTF-16 code unit can need.
const MAX_BYTES_PER_UNIT = 3;

export class BytePages {
  private page: Buffer;
  private used = 0;
  /** Where the last write() put its bytes. */
  offset = 0;
  length = 0;

  constructor(private readonly pageBytes = PAGE_BYTES) {
    this.page = Buffer.allocUnsafeSlow(pageBytes);
  }

  /** Writes `text` as UTF-8 and returns its page; offset and length say where in it. */
  write(text: string): Buffer {
    if (text.length * MAX_BYTES_PER_UNIT > this.page.length - this.used) {
      const need = Buffer.byteLength(text);
      if (need > this.page.length - this.used) {
        this.page = Buffer.allocUnsafeSlow(Math.max(this.pageBytes, need));
        this.used = 0;
      }
    }
    this.offset = this.used;
    this.length = this.page.write(text, this.used);
    this.used += this.length;
    return this.page;
  }
}
