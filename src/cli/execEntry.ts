// `kubectl podview exec POD`: src/cli/execCommand.ts (exec engineer) has not landed in this
// tree yet; until it does, say so plainly instead of pretending.
import { UserError } from '../cluster/errors.ts';
import type { ExecArgs } from './commandTypes.ts';

export async function runExec(_args: ExecArgs): Promise<number> {
  throw new UserError('exec is not available in this build yet: use the TUI (s on a Pod) or kubectl exec');
}
