// PodviewServices for the TUI, implemented with the cluster layer: what the UI may ask of the
// world (logs, a shell, a debug container, saving text) and nothing more. The open Pod's
// details and its port probe are asked for in store/focusedPod, which cluster/focusFeed serves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { debugAndExec, runInteractiveExec } from '../cluster/exec.ts';
import { podActionServices } from '../cluster/podActions.ts';
import type { ExecTerminal } from '../cluster/exec.ts';
import { pickReplica } from '../cluster/replicaPick.ts';
import type { LogRequest, LogSession, PodviewServices } from '../ui/services.ts';
import { type ShellChoice, shellsFor } from './shellChoice.ts';

export interface ServiceDeps {
  kubeConfig: KubeConfig;
  terminal: ExecTerminal;
  openLogs(request: LogRequest): LogSession;
  /** --shell: which shell `s` opens in which container. */
  shells?: ShellChoice;
  /** Where `w` in the log view saves; the current directory when writable, else the temp dir. */
  saveDir?: string;
}

/** A file name that cannot climb out of the directory or hide a control character. */
export function safeFileName(suggested: string): string {
  const cleaned = suggested
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[.]+/, '')
    .slice(0, 120);
  return cleaned || 'podview.txt';
}

function writableDir(preferred: string | undefined): string {
  const candidate = preferred ?? process.cwd();
  try {
    fs.accessSync(candidate, fs.constants.W_OK);
    return candidate;
  } catch {
    return os.tmpdir();
  }
}

/**
 * Saves under the first free name: base, base-1, base-2... Each try is an O_EXCL create, so an
 * existing file is never overwritten and a symbolic link (dangling or not) is never written
 * through; it only moves the save on to the next name.
 */
export async function writeNewFileIn(dir: string, base: string, text: string): Promise<string> {
  for (let n = 0; ; n++) {
    const file = path.join(dir, n === 0 ? base : base.replace(/(\.[^.]*)?$/, `-${n}$1`));
    try {
      await fs.promises.writeFile(file, text, { mode: 0o600, flag: 'wx' });
      return file;
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST' || n >= 9999) throw err;
    }
  }
}

export function createServices(deps: ServiceDeps): PodviewServices {
  return {
    ...podActionServices(deps.kubeConfig),
    openLogs: (request) => deps.openLogs(request),
    exec: (request) => runInteractiveExec(deps.kubeConfig, request, deps.terminal, { shells: deps.shells && shellsFor(deps.shells, request.container) }),
    debug: (request) => debugAndExec(deps.kubeConfig, request, deps.terminal),
    async saveText(suggestedName, text) {
      return writeNewFileIn(writableDir(deps.saveDir), safeFileName(suggestedName), text);
    },
    pickReplica: (pod) => pickReplica(deps.kubeConfig, pod),
  };
}
