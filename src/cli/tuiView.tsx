import { render } from 'ink';
import { openLogSession } from '../cluster/logs.ts';
import { startDetailsFeed } from '../cluster/focusFeed.ts';
import { offerWhole } from '../cluster/focusWhole.ts';
import { serveForwards } from '../cluster/forwardFeed.ts';
import { startPortForward } from '../cluster/portForward.ts';
import { pollUsage } from '../cluster/usagePoll.ts';
import { FocusedPodStore } from '../store/focusedPod.ts';
import { ForwardStore } from '../store/forwards.ts';
import type { PodStore } from '../store/podStore.ts';
import { PodUsageStore } from '../store/podUsage.ts';
import { App } from '../ui/App.tsx';
import type { LiveScope, ViewArgs } from './commandTypes.ts';
import { onFirstList } from './firstList.ts';
import { frameProbeFromEnv } from './runtime/frameProbe.ts';
import { terminalClipboard } from './clipboard.ts';
import { colorWanted } from './io.ts';
import { createServices } from './services.ts';
import { parseShellChoice } from './shellChoice.ts';
import type { Target } from './target.ts';
import { guardTerminal } from './terminal.ts';

/**
 * How long the screen waits for the Pod list before it first draws. A list that arrives within
 * it is drawn once, whole, instead of after a frame of an empty list that nobody gets to read
 * (on a 2-core machine that first, cold frame cost ~150 ms, in the way of the list itself);
 * a longer list is shown loading, as before.
 */
export const FIRST_DRAW_WAIT_MS = 1000;

/** Resolves once the first list is in (or failed), or after `maxMs`. */
export function firstListOrTimeout(store: PodStore, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancel();
      resolve();
    }, maxMs);
    const cancel = onFirstList(store, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs the screen until the user quits; the caller stops the watch that feeds `live.store`. */
export async function runTui(args: ViewArgs, target: Target, live: LiveScope): Promise<number> {
  const { stdin, stdout } = process;
  const { store, scope, notice } = live;
  // Benchmarks only: records event-to-frame and key-to-frame times when PODVIEW_FRAME_PROBE is set.
  const stopProbe = frameProbeFromEnv({ store, stdout, stdin });
  const focused = new FocusedPodStore();
  const { opened } = live;
  const openedKey = opened && args.pod ? { namespace: opened.pod.metadata?.namespace ?? target.namespace, name: args.pod } : undefined;
  if (opened && openedKey) {
    // Read with the Pod while the UI loaded (tui.ts): the record starts whole, so the first frame
    // shows the owner chain and usage, and the feed's first read waits for its first poll.
    focused.focus(openedKey);
    offerWhole(focused, store, openedKey, opened.pod, false);
    focused.write(openedKey, { details: opened.details });
  }
  const details = startDetailsFeed({ kubeConfig: target.kubeConfig, store, focused });
  // The list's CPU and MEM: polled once the list is live, over whatever scope it watches.
  const usage = new PodUsageStore();
  const usagePoll = pollUsage({ kubeConfig: target.kubeConfig, store, usage, namespace: scope, labelSelector: target.labelSelector, ...(live.scopeStore ? { scope: live.scopeStore } : {}) });
  const color = colorWanted(args.color, stdout);
  const openLogs: Parameters<typeof createServices>[0]['openLogs'] = (request) => openLogSession(target.kubeConfig, request, { bufferLines: args.logLines });
  const services = createServices({ kubeConfig: target.kubeConfig, terminal: { input: stdin, output: stdout }, openLogs, shells: parseShellChoice(args.shell) });
  // The forwards outlive every screen; stopAll() below closes their sockets on every way out.
  const forwards = new ForwardStore();
  const forwardFeed = serveForwards(forwards, (request) => startPortForward(target.kubeConfig, request));
  services.copyText = terminalClipboard(args.clipboard, stdout, process.env);

  // A named Pod read whole is drawn at once; the list loads behind its host view.
  if (!openedKey) await firstListOrTimeout(store, FIRST_DRAW_WAIT_MS);
  let instance: ReturnType<typeof render> | undefined;
  const guard = guardTerminal({
    stdin,
    stdout,
    onFatal: () => {
      try {
        instance?.unmount();
      } catch {
        // Already half torn down; restore() below still puts the terminal back.
      }
    },
  });
  let quit: () => void = () => {};
  const quitting = new Promise<void>((resolve) => (quit = resolve));
  try {
    instance = render(
      <App
        store={store}
        usage={usage}
        focused={focused}
        services={services}
        forwards={forwards}
        initialPod={openedKey ?? (args.pod ? { namespace: target.namespace, name: args.pod } : undefined)}
        allNamespaces={scope === undefined}
        {...(target.labelSelector ? { narrowedTo: target.labelSelector } : {})}
        {...(live.scopeStore ? { scope: live.scopeStore } : {})}
        context={target.contextName}
        namespace={scope ?? target.namespace}
        color={color}
        onExit={quit}
        logColors={args.logColors}
        {...(notice ? { notice } : {})}
      />,
      // interactive: Ink would otherwise turn itself off when CI=true is set, even on a terminal.
      // maxFps 60: the store already coalesces churn to one notification per 50 ms, so this cap
      // only decides how long a key waits behind the frame before it (17 ms, not 50).
      // incrementalRendering: rewrite only the lines that changed, not the whole screen.
      { stdin, stdout, stderr: process.stderr, exitOnCtrlC: false, patchConsole: true, alternateScreen: true, interactive: true, maxFps: 60, incrementalRendering: true },
    );
    guard.entered();
    // Ink's first render is synchronous: its frame is out.
    live.drawn?.();
    await Promise.race([quitting, instance.waitUntilExit()]);
    instance.unmount();
    await instance.waitUntilExit().catch(() => undefined);
    guard.left();
    guard.restore();
  } finally {
    guard.restore();
    guard.dispose();
    stopProbe();
    await forwardFeed.stopAll();
    await details.stop();
    await usagePoll.stop();
  }
  if (notice) process.stderr.write(`podview: ${notice}\n`);
  return 0;
}
