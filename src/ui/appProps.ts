// What the TUI is given: the store it draws, the services it asks, where it is, and how to leave.
import type { FocusedPodStore } from '../store/focusedPod.ts';
import type { ForwardStore } from '../store/forwards.ts';
import type { PodStore } from '../store/podStore.ts';
import type { PodUsageStore } from '../store/podUsage.ts';
import type { ScopeStore } from '../store/scopeSwitch.ts';
import type { PodKey } from '../store/types.ts';
import type { PodviewServices } from './services.ts';

export interface AppProps {
  store: PodStore;
  /** The metrics poll's figures for the list's CPU and MEM columns; without it, no such columns. */
  usage?: PodUsageStore;
  /** The open Pod's record: the UI writes its intent (focus, probe) and reads what was learnt. */
  focused: FocusedPodStore;
  services: PodviewServices;
  /** The port-forwards: the UI asks for and stops them here; the forward feed serves them. */
  forwards: ForwardStore;
  /** `kubectl podview POD`: open straight on this Pod once the store has it. */
  initialPod?: PodKey;
  /** The watched namespace and the `:ns` wish; when given, it (not namespace/allNamespaces) says where the list is. */
  scope?: ScopeStore;
  /** The label selector the list is narrowed to (TYPE/NAME's workload, or -l): `a` then follows every listed Pod. */
  narrowedTo?: string;
  /** -A: show the NAMESPACE column and "all" in the status bar. */
  allNamespaces: boolean;
  context: string;
  namespace: string;
  /** false for NO_COLOR / --no-color: no escape sequence is written at all. */
  color: boolean;
  /** Keep the containers' own SGR colours in the log view (--log-colors). */
  logColors?: boolean;
  /** Clock for ages (ms); Date.now by default. */
  now?: () => number;
  /** q or ctrl-c. The caller unmounts and restores the terminal. */
  onExit(): void;
  /** How the shell session is left, as the exec layer reads it (shown before it starts). */
  execDetach?: string;
  /** A start-up notice (e.g. -A was forbidden, showing one namespace), shown until the first key. */
  notice?: string;
}
