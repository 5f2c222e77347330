// Reading the Pod list out of a rendered frame, for the list's sort, finding and usage tests.

/** The list's column header line. */
export const listHeader = (frame: string): string => frame.split('\n').find((l) => l.includes('NAME'))!;

/** The names of the list's rows (the selected one too) whose name matches `name`, top to bottom. */
export const rowNames = (frame: string, name: RegExp): string[] =>
  frame
    .split('\n')
    .filter((l) => /^[> ] /.test(l) && name.test(l.slice(2)))
    .map((l) => l.slice(2).split(' ')[0]!);
