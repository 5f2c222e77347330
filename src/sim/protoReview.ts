// kubectl posts SelfSubjectAccessReview as Kubernetes protobuf ("k8s\0" + runtime.Unknown).
// This reads just the fields an access review carries, so `kubectl auth can-i` works.

type Fields = Map<number, (Buffer | number)[]>;

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated protobuf varint');
    const b = buf[pos++];
    result += (b! & 0x7f) * 2 ** shift;
    if (!(b! & 0x80)) return [result, pos];
    shift += 7;
  }
}

function fields(buf: Buffer): Fields {
  const out: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: Buffer | number;
    if (wire === 0) [value, pos] = readVarint(buf, p1);
    else if (wire === 2) {
      const [len, p2] = readVarint(buf, p1);
      value = buf.subarray(p2, p2 + len);
      pos = p2 + len;
    } else if (wire === 1) {
      value = 0;
      pos = p1 + 8;
    } else if (wire === 5) {
      value = 0;
      pos = p1 + 4;
    } else throw new Error(`unsupported protobuf wire type ${wire}`);
    const list = out.get(field) ?? [];
    list.push(value);
    out.set(field, list);
  }
  return out;
}

const bytes = (f: Fields, n: number): Buffer | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? v : undefined;
};
const str = (f: Fields, n: number): string | undefined => bytes(f, n)?.toString('utf8');

export const isKubeProtobuf = (body: Buffer): boolean => body.length >= 4 && body.subarray(0, 4).toString('latin1') === 'k8s\u0000';

/** The review's spec as JSON, from a protobuf-encoded SelfSubjectAccessReview. */
export function decodeAccessReview(body: Buffer): { spec: object } {
  const unknown = fields(body.subarray(4));
  const raw = bytes(unknown, 2) ?? Buffer.alloc(0);
  const review = fields(raw);
  const spec = fields(bytes(review, 2) ?? Buffer.alloc(0));
  const ra = bytes(spec, 1);
  if (!ra) {
    const nra = bytes(spec, 2);
    const n = nra ? fields(nra) : undefined;
    return { spec: n ? { nonResourceAttributes: { path: str(n, 1), verb: str(n, 2) } } : {} };
  }
  const a = fields(ra);
  const attrs: Record<string, string> = {};
  (['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'] as const).forEach((key, i) => {
    const v = str(a, i + 1);
    if (v !== undefined) attrs[key] = v;
  });
  return { spec: { resourceAttributes: attrs } };
}
