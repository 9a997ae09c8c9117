import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: a search waits for a pause in typing, so each keystroke does not query a million rows. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
