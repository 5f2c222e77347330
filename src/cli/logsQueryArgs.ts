// The `logs` flags only a query of several Pods takes, read from yargs' result: kept apart from
// args.ts so the single-Pod flags and the query's do not tangle.
import { UserError } from '../cluster/errors.ts';
import type { LogsQueryArgs } from './commandTypes.ts';

export const LOGS_OUTPUTS = ['text', 'raw', 'json'] as const;

type Raw = Record<string, unknown>;

const text = (raw: Raw, key: string): string | undefined => (raw[key] === undefined ? undefined : String(raw[key]));

export function logsQueryArgs(raw: Raw): LogsQueryArgs {
  const out: LogsQueryArgs = {};
  const excludeContainer = text(raw, 'exclude-container');
  const include = text(raw, 'include');
  const exclude = text(raw, 'exclude');
  if (excludeContainer !== undefined) out.excludeContainer = excludeContainer;
  if (include !== undefined) out.include = include;
  if (exclude !== undefined) out.exclude = exclude;
  if (raw['max-pods'] !== undefined) {
    const n = raw['max-pods'] as number;
    if (!Number.isInteger(n) || n < 1) throw new UserError('invalid value for --max-pods: want a whole number of Pods, at least 1');
    out.maxPods = n;
  }
  const output = text(raw, 'output');
  if (output !== undefined) {
    if (!(LOGS_OUTPUTS as readonly string[]).includes(output)) throw new UserError(`invalid value "${output}" for -o/--output: valid values for logs are ${LOGS_OUTPUTS.join(', ')}`);
    out.output = output as LogsQueryArgs['output'];
  }
  if (raw.prefix === false) out.prefix = false;
  return out;
}
