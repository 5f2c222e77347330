// The router's keys: who has a key press (a full-screen view, the bottom bar, the command
// prompt, help, the forwards screen, else the shown screen), and what the router does with the
// action a screen hands back (open, back, help, the prompt, a forward, or an action on a Pod).
import { type Key, useInput } from 'ink';
import type { PodKey } from '../store/types.ts';
import type { AppProps } from './appProps.ts';
import { bottomBarTakesKey } from './BottomBar.tsx';
import type { CommandPromptState } from './command/useCommandPrompt.tsx';
import type { ForwardsScreen } from './forwards/useForwardsScreen.tsx';
import { helpKey, type SetHelp } from './help/helpKeys.ts';
import type { ExecFlow } from './hooks/useExecFlow.ts';
import type { OpenHostScreen } from './host/useHostScreen.tsx';
import type { Action } from './keys/actions.ts';
import { listedPods } from './list/listedPods.ts';
import type { ListScreen } from './list/useListScreen.tsx';
import type { PodOverlays } from './overlays/usePodOverlays.tsx';
import { runPodAction, type Message } from './podKeys.ts';
import type { RestartFlow } from './restart/useRestartFlow.ts';

export interface AppKeysInput {
  props: Pick<AppProps, 'store' | 'focused' | 'onExit' | 'narrowedTo' | 'services'>;
  now: () => number;
  list: ListScreen;
  /** The open Pod's screen, its uid and metadata; undefined while the list is shown. */
  host: OpenHostScreen | undefined;
  hostUid: string | undefined;
  openMeta: { namespace?: string; name?: string } | undefined;
  overlays: PodOverlays;
  exec: ExecFlow;
  restart: RestartFlow;
  command: CommandPromptState;
  /** The help page's scroll offset while `?` is shown. */
  help: number | undefined;
  setHelp: SetHelp;
  forwards: { open: boolean; setOpen(open: boolean): void; screen: ForwardsScreen; start(host: OpenHostScreen, namespace: string, pod: string): void };
  /** Opens the Pod with this uid, or (undefined) goes back to the list. */
  open(uid: string | undefined): void;
  say(message: Message | undefined): void;
}

/** One handler for every key, always listening: no key is lost while a listener re-attaches. */
export function useAppKeys(app: AppKeysInput): void {
  useInput((input, key) => routeKey(app, input, key));
}

function routeKey(app: AppKeysInput, input: string, key: Key): void {
  const { overlays, exec, restart, command, help, setHelp, forwards } = app;
  const { onExit } = app.props;
  if (overlays.view) return; // that screen has the keys
  if (bottomBarTakesKey({ exec, restart }, input, key, onExit)) return;
  app.say(undefined);
  if (command.open) return command.onKey(input, key);
  if (help !== undefined) return helpKey(input, key, setHelp, onExit);
  if (forwards.open) {
    const action = forwards.screen.onKey(input, key);
    if (action?.type === 'quit') return onExit();
    if (action?.type === 'help') return setHelp(0);
    if (action?.type === 'back') return forwards.setOpen(false);
    return;
  }
  const action = (app.host ?? app.list).onKey(input, key);
  if (action) runScreenAction(app, action);
}

/** What the list or the Pod view asked for with a key it does not handle itself. */
function runScreenAction(app: AppKeysInput, action: Action): void {
  const { props, list, host, openMeta, overlays, restart, command } = app;
  if (action.type === 'quit') return props.onExit();
  if (action.type === 'help') return app.setHelp(0);
  if (action.type === 'forwards') return app.forwards.setOpen(true);
  if (action.type === 'command') return command.start(action.typed);
  if (action.type === 'allNamespaces') return command.allNamespaces();
  if (action.type === 'back') return app.open(undefined);
  if (action.type === 'open') return list.selectedUid !== undefined ? app.open(list.selectedUid) : undefined;
  if (action.type === 'diff') return host ? overlays.openDiff() : undefined;
  if (action.type === 'openVolume') return openMeta ? overlays.openVolume({ namespace: openMeta.namespace ?? '', name: openMeta.name ?? '', volume: action.volume }) : undefined;
  if (action.type === 'forward') return host && openMeta ? app.forwards.start(host, openMeta.namespace ?? '', openMeta.name ?? '') : undefined;
  const uid = app.hostUid ?? list.selectedUid;
  const entry = uid === undefined ? undefined : props.store.get(uid);
  if (!entry) return;
  // The open Pod's owners as the focus feed resolved them; from the list, its ownerReferences.
  const owners = host ? props.focused.current?.details?.owners : undefined;
  runPodAction(action, {
    pod: entry.pod,
    host: host?.host,
    containerIndex: host?.containerIndex ?? 0,
    now: app.now(),
    startShell: app.exec.start,
    openLogs: overlays.openLogs,
    ...(host ? {} : { listed: listedPods(list, props.store, props.narrowedTo !== undefined), readPod: props.services.readPod }),
    openYaml: overlays.openYaml,
    restart: (key: PodKey) => restart.start(key, owners),
    say: app.say,
  });
}
