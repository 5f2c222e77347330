// `kubectl podview sim`'s playground flags, checked before anything starts: each bad value is
// one line naming the flag and what it wants.
import { UserError } from '../cluster/errors.ts';

export interface SimArgs {
  kubeconfigOut?: string;
  /** Absent: the demo scenario; otherwise a seeded cluster of this many Pods. */
  pods?: number;
  namespaces?: number;
  /** Changes per second (status flips, restarts, creations, deletions); 0 or absent: none. */
  churn?: number;
  seed: number;
  /** The soak's fault schedule: dropped watches, stalls, 410s, 403 flaps, slow responses. */
  faults: boolean;
  /** --kubeconfig-out may replace an existing regular file (never a link). */
  force: boolean;
}

type Raw = Record<string, unknown>;

export const MAX_SIM_PODS = 1_000_000;
const MAX_CHURN = 100_000;

function whole(raw: Raw, flag: string, min: number, max: number, wants: string): number | undefined {
  const value = raw[flag];
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`invalid value for --${flag}: want ${wants}`);
  return n;
}

export function parseSimArgs(raw: Raw, argv: readonly string[]): SimArgs {
  const pods = whole(raw, 'pods', 1, MAX_SIM_PODS, `a whole number of Pods from 1 to ${MAX_SIM_PODS.toLocaleString('en-US')}`);
  const namespaces = whole(raw, 'namespaces', 1, 10_000, 'a whole number of namespaces from 1 to 10,000');
  if (namespaces !== undefined && pods === undefined) throw new UserError('--namespaces needs --pods: the demo scenario has its own namespaces');
  if (namespaces !== undefined && pods !== undefined && namespaces > pods) throw new UserError(`invalid value for --namespaces: want at most one namespace per Pod (${pods})`);
  const churnValue = raw.churn;
  let churn: number | undefined;
  if (churnValue !== undefined) {
    churn = typeof churnValue === 'number' ? churnValue : Number.NaN;
    if (!Number.isFinite(churn) || churn < 0 || churn > MAX_CHURN) throw new UserError(`invalid value for --churn: want changes per second, from 0 to ${MAX_CHURN.toLocaleString('en-US')}`);
  }
  const seed = whole(raw, 'seed', 0, 2 ** 32 - 1, 'a whole number from 0 to 4294967295') ?? 1;
  const kubeconfigOut = raw['kubeconfig-out'] === undefined ? undefined : String(raw['kubeconfig-out']);
  // yargs reads "--faults=maybe" as false without a word: a switch takes no value but true or false.
  const spelled = argv.find((token) => token.startsWith('--faults=') && !/^--faults=(true|false)$/i.test(token));
  if (spelled) throw new UserError(`invalid value "${spelled.slice('--faults='.length)}" for --faults: it is a switch (--faults, or --faults=false)`);
  return { kubeconfigOut, pods, namespaces, churn, seed, faults: raw.faults === true, force: raw.force === true };
}
