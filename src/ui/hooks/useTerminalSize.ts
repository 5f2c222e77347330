// The terminal's size, re-read on every 'resize' so the layout follows the window.
// Reads stdout directly (80x24 when unknown) instead of guessing from the parent terminal,
// so a piped or test stdout gets a predictable layout.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export interface TerminalSize {
  columns: number;
  rows: number;
}

function read(stream: NodeJS.WritableStream): TerminalSize {
  const stdout = stream as Partial<NodeJS.WriteStream>;
  const columns = (stdout.columns ?? 0) > 0 ? stdout.columns! : 80;
  const rows = (stdout.rows ?? 0) > 0 ? stdout.rows! : 24;
  return { columns, rows };
}

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const onResize = () => {
      const next = read(stdout);
      setSize((prev) => (prev.columns === next.columns && prev.rows === next.rows ? prev : next));
    };
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
