// What the command line asked for, after parsing and validation: plain data, no yargs.
import type { CommandName, OutputFormat } from './flags.ts';
import type { PodStore } from '../store/podStore.ts';
import type { ScopeStore } from '../store/scopeSwitch.ts';
import type { OnePod } from '../cluster/onePod.ts';
import type { SimArgs } from './simArgs.ts';
import type { PortForwardSpec } from '../model/portForwardSpec.ts';

export interface ClusterArgs {
  namespace?: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
  context?: string;
  cluster?: string;
  user?: string;
  kubeconfig?: string;
  requestTimeout?: string;
  demo: boolean;
}

export interface ViewArgs extends ClusterArgs {
  pod?: string;
  output?: OutputFormat;
  filename?: string;
  once: boolean;
  /** --diff: the Pod to compare POD with; "" (the flag without a value) picks a sibling of the same owner. */
  diff?: string;
  probe: boolean;
  logColors: boolean;
  /** --shell as typed: PATH and/or CONTAINER=PATH, comma-separated. */
  shell?: string;
  /** Lines the log view keeps per view; undefined for the default. */
  logLines?: number;
  /** false for --no-color; undefined: decide from NO_COLOR and the terminal. */
  color?: boolean;
  /** false for --no-clipboard: `f` does not copy a forward's address (OSC 52). */
  clipboard?: boolean;
}

export interface LogsArgs extends ClusterArgs, LogsQueryArgs {
  pod: string;
  container?: string;
  allContainers: boolean;
  follow: boolean;
  tail?: number;
  since?: string;
  timestamps: boolean;
  previous: boolean;
  logColors: boolean;
  color?: boolean;
}

/** `logs` across Pods (logsMulti.ts): what only a query of several Pods uses. */
export interface LogsQueryArgs {
  /** -E: containers whose name matches are left out. */
  excludeContainer?: string;
  /** -i / -e: keep only lines matching, drop lines matching (regular expressions). */
  include?: string;
  exclude?: string;
  /** undefined: the default (50). */
  maxPods?: number;
  /** undefined: the prefixed text. */
  output?: 'text' | 'raw' | 'json';
  /** false for --no-prefix. */
  prefix?: boolean;
}

export interface ExecArgs extends ClusterArgs {
  pod: string;
  container?: string;
  stdin: boolean;
  tty: boolean;
  shell?: string;
  /** Everything after `--`. */
  command: string[];
}

export interface PortForwardArgs extends ClusterArgs {
  pod: string;
  /** In the order given; names are resolved against the Pod. */
  ports: PortForwardSpec[];
  /** false for --no-clipboard; undefined: copy when stdout is a terminal and PODVIEW_NO_CLIPBOARD is unset. */
  clipboard?: boolean;
}

export type ShellName = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly ShellName[] = ['bash', 'zsh', 'fish'];

export type ParsedCommand =
  | { kind: 'view'; args: ViewArgs }
  | { kind: 'logs'; args: LogsArgs }
  | { kind: 'exec'; args: ExecArgs }
  | { kind: 'port-forward'; args: PortForwardArgs }
  | { kind: 'version' }
  | { kind: 'completion'; shell: ShellName }
  | { kind: 'sim'; args: SimArgs }
  | { kind: 'help'; topic: CommandName | 'view' }
  /** kubectl's plugin completion protocol (cobra's hidden __complete command). */
  | { kind: 'complete'; words: string[] };

/** The live store the TUI draws, and the scope it watches. */
export interface LiveScope {
  store: PodStore;
  /** undefined: every namespace. */
  scope: string | undefined;
  /** Why the scope is narrower than asked (-A was forbidden). */
  notice?: string;
  /** The `:ns` wish and the namespace watched now (served by cluster/scopeFeed). */
  scopeStore?: ScopeStore;
  /**
   * The named Pod with its events, owners and usage, read while the UI loaded: the screen opens
   * on it at once, drawn whole, without waiting for the list.
   */
  opened?: OnePod;
  /** Called once the first frame is out (tui.ts then starts the list). */
  drawn?: () => void;
}
