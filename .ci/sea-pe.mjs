// Reads back what a Windows single executable application must carry, so that packaging and the
// tests can prove a .exe built on Linux (where it cannot run) is one: a PE image for the right
// CPU, Node's SEA fuse flipped, and the NODE_SEA_BLOB resource holding our program.

export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const RT_RCDATA = 10;
const MACHINES = { 34404: 'amd64', 43620: 'arm64', 332: '386' };

function sectionOffset(sections, rva) {
  for (const s of sections) if (rva >= s.rva && rva < s.rva + s.size) return s.raw + (rva - s.rva);
  throw new Error(`PE: rva 0x${rva.toString(16)} is in no section`);
}

/** Name of a resource directory entry: a number, or the UTF-16 string it points at. */
function entryName(buf, base, nameField) {
  if (!(nameField & 0x80000000)) return nameField;
  const at = base + (nameField & 0x7fffffff);
  return buf.subarray(at + 2, at + 2 + buf.readUInt16LE(at) * 2).toString('utf16le');
}

function directoryEntries(buf, base, dirOffset) {
  const count = buf.readUInt16LE(dirOffset + 12) + buf.readUInt16LE(dirOffset + 14);
  const out = [];
  for (let i = 0; i < count; i++) {
    const at = dirOffset + 16 + i * 8;
    const target = buf.readUInt32LE(at + 4);
    out.push({ name: entryName(buf, base, buf.readUInt32LE(at)), isDir: Boolean(target & 0x80000000), offset: base + (target & 0x7fffffff) });
  }
  return out;
}

/** The data of resource type/name (first language), or null. */
function findResource(buf, sections, resourceRva, type, name) {
  if (!resourceRva) return null;
  const base = sectionOffset(sections, resourceRva);
  const typeDir = directoryEntries(buf, base, base).find((e) => e.name === type && e.isDir);
  const nameDir = typeDir && directoryEntries(buf, base, typeDir.offset).find((e) => e.name === name && e.isDir);
  const lang = nameDir && directoryEntries(buf, base, nameDir.offset)[0];
  if (!lang || lang.isDir) return null;
  const dataRva = buf.readUInt32LE(lang.offset);
  const size = buf.readUInt32LE(lang.offset + 4);
  const start = sectionOffset(sections, dataRva);
  return buf.subarray(start, start + size);
}

/**
 * buf: a whole .exe. Returns { machine, fuseFlipped, blob } where blob is the NODE_SEA_BLOB
 * resource (null if absent). Throws when buf is not a PE image.
 */
export function inspectSeaExe(buf) {
  if (buf.length < 0x40 || buf.toString('latin1', 0, 2) !== 'MZ') throw new Error('not a PE image: no MZ header');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE image: no PE signature');
  const machineCode = buf.readUInt16LE(pe + 4);
  const sectionCount = buf.readUInt16LE(pe + 6);
  const optionalSize = buf.readUInt16LE(pe + 20);
  const optional = pe + 24;
  const pe32plus = buf.readUInt16LE(optional) === 0x20b;
  const dataDirs = optional + (pe32plus ? 112 : 96);
  const resourceRva = buf.readUInt32LE(dataDirs + 2 * 8);
  const sections = [];
  for (let i = 0, at = optional + optionalSize; i < sectionCount; i++, at += 40) {
    sections.push({ rva: buf.readUInt32LE(at + 12), size: Math.max(buf.readUInt32LE(at + 8), buf.readUInt32LE(at + 16)), raw: buf.readUInt32LE(at + 20) });
  }
  return {
    machine: MACHINES[machineCode] ?? `0x${machineCode.toString(16)}`,
    fuseFlipped: buf.includes(`${SEA_FUSE}:1`) && !buf.includes(`${SEA_FUSE}:0`),
    blob: findResource(buf, sections, resourceRva, RT_RCDATA, 'NODE_SEA_BLOB'),
  };
}
