// A container keeps its colour across views and runs: the colour comes from its name.

const PALETTE = [
  { ink: 'cyan', sgr: 36 },
  { ink: 'magenta', sgr: 35 },
  { ink: 'yellow', sgr: 33 },
  { ink: 'green', sgr: 32 },
  { ink: 'blue', sgr: 34 },
  { ink: 'cyanBright', sgr: 96 },
  { ink: 'magentaBright', sgr: 95 },
  { ink: 'yellowBright', sgr: 93 },
  { ink: 'greenBright', sgr: 92 },
  { ink: 'blueBright', sgr: 94 },
] as const;

function hash(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** An Ink colour name for the container. */
export function containerInkColor(name: string): string {
  return PALETTE[hash(name) % PALETTE.length]!.ink;
}

/** The container name wrapped in its SGR colour, for a terminal. */
export function containerSgr(name: string, text = name): string {
  return `\u001b[${PALETTE[hash(name) % PALETTE.length]!.sgr}m${text}\u001b[39m`;
}
