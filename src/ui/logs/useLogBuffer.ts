// Re-renders the log view when its buffer changes, at most once per frame: the buffer
// coalesces notifications, so 50,000 lines a second cost ~20 renders, not 50,000.
import { useEffect, useState } from 'react';
import type { LogBuffer } from '../../store/logBuffer.ts';

export function useLogBuffer(buffer: LogBuffer): number {
  const [version, setVersion] = useState(0);
  useEffect(() => buffer.subscribe(() => setVersion((v) => v + 1)), [buffer]);
  return version;
}
