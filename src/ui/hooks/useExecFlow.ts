// A shell session from the TUI: hand the terminal over (Ink suspended, the opening line with
// the detach key printed), run services.exec, take the terminal back, and say how it ended.
// A distroless container (no shell) gets the debug-container offer, which only "y" accepts.
import { useState } from 'react';
import { useApp, useStdout } from 'ink';
import { CLEAN_SCREEN, DEFAULT_DEBUG_IMAGE, openingLine, outcomeLine, startingDebugLine } from '../exec/execText.ts';
import type { ExecOutcome, ExecRequest, PodviewServices } from '../services.ts';

export type ExecPhase = { kind: 'offer'; request: ExecRequest; image: string } | { kind: 'starting'; request: ExecRequest; image: string };

export interface ExecMessage {
  text: string;
  tone: 'ok' | 'warn' | 'error' | 'dim';
}

export interface ExecFlow {
  /** Set while the debug offer or its start is on screen; the offer owns the keys then. */
  phase: ExecPhase | undefined;
  start(request: ExecRequest): void;
  answer(yes: boolean): void;
}

function tone(outcome: ExecOutcome): ExecMessage['tone'] {
  if (outcome.kind === 'exited') return outcome.exitCode === 0 ? 'ok' : 'warn';
  if (outcome.kind === 'error') return 'error';
  return outcome.kind === 'no-shell' ? 'warn' : 'dim';
}

export function useExecFlow(services: PodviewServices, detach: string, say: (message: ExecMessage | undefined) => void): ExecFlow {
  const { suspendTerminal } = useApp();
  const { stdout } = useStdout();
  const [phase, setPhase] = useState<ExecPhase | undefined>(undefined);

  const handOver = async (line: string, run: () => Promise<ExecOutcome>): Promise<ExecOutcome> => {
    let outcome: ExecOutcome = { kind: 'error', message: 'the session did not start' };
    try {
      await suspendTerminal(async () => {
        // Printed on the plain terminal, so the way out is known before the shell starts.
        stdout.write(`${CLEAN_SCREEN}${line}\r\n`);
        try {
          outcome = await run();
        } finally {
          stdout.write(CLEAN_SCREEN);
        }
      });
    } catch (error) {
      outcome = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    return outcome;
  };

  const start = (request: ExecRequest): void => {
    say({ text: openingLine(request.container, detach), tone: 'dim' });
    void handOver(openingLine(request.container, detach), () => services.exec(request)).then((outcome) => {
      if (outcome.kind === 'no-shell') {
        say(undefined);
        setPhase({ kind: 'offer', request, image: DEFAULT_DEBUG_IMAGE });
      } else say({ text: outcomeLine(request.container, outcome), tone: tone(outcome) });
    });
  };

  const answer = (yes: boolean): void => {
    if (phase?.kind !== 'offer') return;
    const { request, image } = phase;
    if (!yes) {
      setPhase(undefined);
      say({ text: 'no debug container started', tone: 'dim' });
      return;
    }
    setPhase({ kind: 'starting', request, image });
    const target = { namespace: request.namespace, name: request.name, target: request.container, image };
    void handOver(startingDebugLine(image, request.container), () => services.debug(target)).then((outcome) => {
      setPhase(undefined);
      say({ text: outcomeLine(request.container, outcome), tone: tone(outcome) });
    });
  };

  return { phase, start, answer };
}
