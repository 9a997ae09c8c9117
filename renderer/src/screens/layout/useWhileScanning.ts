import { useEffect, useRef } from 'react';
import type { BoxCompanionApi } from '../../../../common/bridge/contract';

/**
 * Calls `tick` every `everyMs` while a scan is running (and never when it is not), so paged
 * screens re-read the rows on screen as results arrive without polling an idle core.
 * The latest `tick` is used without restarting the timer.
 */
export function useWhileScanning(api: BoxCompanionApi, everyMs: number, tick: () => void): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    let running = false;
    const off = api.on('scanProgress', (progress) => {
      running = progress.running;
    });
    void api.getScanStatus({}).then((progress) => {
      running = progress.running;
    });
    const timer = window.setInterval(() => {
      if (running) latest.current();
    }, everyMs);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [api, everyMs]);
}
