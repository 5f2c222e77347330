// The rule for every file podview writes on the user's behalf: it never replaces or writes
// through what is already there. Checked up front so a refusal is one clear line before anything
// starts; the write itself is O_EXCL (or a rename over a regular file), so a file that appears
// in between is refused too.
import fs from 'node:fs';
import { UserError } from '../cluster/errors.ts';

export interface NewFileRule {
  /** May replace an existing regular file (never a symbolic link, never a directory). */
  force: boolean;
  /** How the user named the path, for the error line: "--kubeconfig-out". */
  what: string;
}

/** Throws a UserError when writing a new file at `file` would lose or follow something. */
export function checkNewFilePath(file: string, rule: NewFileRule): void {
  const existing = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!existing) return;
  if (existing.isSymbolicLink()) throw new UserError(`${rule.what} ${file}: is a symbolic link; refusing to write through it (name a new file)`);
  if (!existing.isFile()) throw new UserError(`${rule.what} ${file}: exists and is not a regular file; refusing to replace it`);
  if (!rule.force) throw new UserError(`${rule.what} ${file}: already exists; refusing to overwrite it (name a new file, or add --force to replace it)`);
}
