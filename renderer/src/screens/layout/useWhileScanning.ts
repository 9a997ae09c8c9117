import { useEffect, useRef } from 'react';
import { useScanRunning } from '../../state/hooks';

/**
 * Calls `tick` every `everyMs` while a scan is running (and never when it is not), so paged
 * screens re-read the rows on screen as results arrive without polling an idle core.
 * The latest `tick` is used without restarting the timer.
 */
export function useWhileScanning(everyMs: number, tick: () => void): void {
  const latest = useRef(tick);
  latest.current = tick;
  const running = useScanRunning();
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => latest.current(), everyMs);
    return () => window.clearInterval(timer);
  }, [running, everyMs]);
}
