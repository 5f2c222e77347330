// A throwaway self-signed certificate for the HTTPS sim, made with the system's openssl.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSimTempDir, removeSimTempDir } from './tempDir.ts';

export interface SelfSigned {
  certPem: string;
  keyPem: string;
}

let cached: SelfSigned | undefined;

/** One certificate per process: every sim started here can share it (each has its own token). */
export function selfSignedCert(): SelfSigned {
  return (cached ??= generate());
}

function generate(): SelfSigned {
  // The key is written for openssl's sake only: a pid-named temp dir goes whatever ends the process.
  const dir = makeSimTempDir();
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=podview-sim',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 },
    );
    return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
  } finally {
    removeSimTempDir(dir);
  }
}
