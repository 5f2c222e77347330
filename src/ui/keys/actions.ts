// What a key on the list or the Pod view asks for. The screens' key tables map keys to these;
// App (the router) and the screens carry them out.
import type { SortColumn } from '../../store/sortOrder.ts';

export type Action =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'pageUp' }
  | { type: 'pageDown' }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'filter' }
  | { type: 'clearFilter' }
  | { type: 'sort'; column: SortColumn }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'logs' }
  | { type: 'logsAll' }
  | { type: 'logsPrevious' }
  | { type: 'shell' }
  | { type: 'yaml' }
  | { type: 'restart' }
  | { type: 'probePorts' }
  | { type: 'diff' }
  | { type: 'listVolume' }
  | { type: 'openVolume'; volume: string }
  | { type: 'nextVolume' }
  | { type: 'prevVolume' }
  | { type: 'forward' }
  | { type: 'forwards' }
  | { type: 'nextSection' }
  | { type: 'prevSection' }
  | { type: 'section'; index: number }
  | { type: 'nextContainer' }
  | { type: 'prevContainer' }
  /** `typed`: the command's text when it came in one chunk with the `:` (typed ahead, pasted). */
  | { type: 'command'; typed?: string }
  | { type: 'allNamespaces' }
  | { type: 'nextFinding' }
  | { type: 'prevFinding' }
  | { type: 'evidence' }
  /** The logs of the container instance a finding is about (the Pod view's evidence for a crash). */
  | { type: 'evidenceLogs'; container: string; previous: boolean };
