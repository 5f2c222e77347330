// TUI mode: a live PodStore fed by one list+watch and the focused Pod's details, the Ink App
// on the alternate screen, and the terminal given back intact on every way out.
import React from 'react';
import { render } from 'ink';
import { getPod } from '../cluster/getPod.ts';
import { startDetailsFeed } from '../cluster/podDetails.ts';
import { canListPods, startPodWatch } from '../cluster/podWatch.ts';
import { PodStore } from '../store/podStore.ts';
import { App } from '../ui/App.tsx';
import type { ViewArgs } from './commandTypes.ts';
import { frameProbeFromEnv } from './frameProbe.ts';
import { colorWanted } from './io.ts';
import { logViewHooks } from './logViewHooks.tsx';
import { createServices } from './services.ts';
import { parseShellChoice } from './shellChoice.ts';
import { openTarget } from './target.ts';
import type { Target } from './target.ts';
import { guardTerminal } from './terminal.ts';

/** -A when allowed; otherwise one line saying why, and the current namespace instead. */
async function resolveScope(target: Target): Promise<{ scope: string | undefined; notice?: string }> {
  if (target.scope !== undefined || target.demo) return { scope: target.scope };
  const access = await canListPods(target.kubeConfig, undefined);
  if (access.allowed) return { scope: undefined };
  return { scope: target.namespace, notice: `${access.reason}; showing namespace "${target.namespace}" instead` };
}

export async function startTui(args: ViewArgs): Promise<number> {
  const target = await openTarget(args);
  try {
    // A Pod that does not exist is a user error before the screen changes, like kubectl's.
    if (args.pod) await getPod(target.kubeConfig, target.namespace, args.pod, { timeoutMs: target.requestTimeoutMs });
    const { scope, notice } = await resolveScope(target);
    return await runTui(args, target, scope, notice);
  } finally {
    await target.close();
  }
}

async function runTui(args: ViewArgs, target: Target, scope: string | undefined, notice: string | undefined): Promise<number> {
  const { stdin, stdout } = process;
  const store = new PodStore();
  // Benchmarks only: records event-to-frame and key-to-frame times when PODVIEW_FRAME_PROBE is set.
  const stopProbe = frameProbeFromEnv({ store, stdout, stdin });
  const watch = startPodWatch({ kubeConfig: target.kubeConfig, namespace: scope, labelSelector: target.labelSelector, fieldSelector: target.fieldSelector, store, requestTimeoutMs: target.requestTimeoutMs });
  const details = startDetailsFeed({ kubeConfig: target.kubeConfig, store });
  const color = colorWanted(args.color, stdout);
  const logs = logViewHooks(target.kubeConfig, { logColors: args.logColors, logLines: args.logLines });
  const services = createServices({ kubeConfig: target.kubeConfig, details, terminal: { input: stdin, output: stdout }, openLogs: logs.openLogs, shells: parseShellChoice(args.shell) });

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
        services={services}
        initialPod={args.pod ? { namespace: target.namespace, name: args.pod } : undefined}
        allNamespaces={scope === undefined}
        context={target.contextName}
        namespace={scope ?? target.namespace}
        color={color}
        onExit={quit}
        renderLogs={logs.renderLogs}
        {...(notice ? { notice } : {})}
      />,
      // interactive: Ink would otherwise turn itself off when CI=true is set, even on a terminal.
      // maxFps 20: under churn every frame costs a layout and a full-screen diff; 50 ms between
      // frames keeps event-to-frame far under its 250 ms budget and leaves the CPU to keys.
      // incrementalRendering: rewrite only the lines that changed, not the whole screen.
      { stdin, stdout, stderr: process.stderr, exitOnCtrlC: false, patchConsole: true, alternateScreen: true, interactive: true, maxFps: 20, incrementalRendering: true },
    );
    guard.entered();
    await Promise.race([quitting, instance.waitUntilExit()]);
    instance.unmount();
    await instance.waitUntilExit().catch(() => undefined);
    guard.left();
    guard.restore();
  } finally {
    guard.restore();
    guard.dispose();
    stopProbe();
    await Promise.allSettled([watch.stop(), details.stop()]);
  }
  if (notice) process.stderr.write(`podview: ${notice}\n`);
  return 0;
}
