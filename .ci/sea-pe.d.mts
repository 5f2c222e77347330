// Types for sea-pe.mjs, which the TypeScript tests import to inspect the Windows executables.
export declare const SEA_FUSE: string;
export interface SeaExeInfo {
  /** 'amd64', 'arm64', '386', or the PE machine code in hex. */
  machine: string;
  /** The fuse reads :1 and nowhere :0. */
  fuseFlipped: boolean;
  /** The NODE_SEA_BLOB resource, or null when there is none. */
  blob: Buffer | null;
}
export declare function inspectSeaExe(buf: Buffer): SeaExeInfo;
