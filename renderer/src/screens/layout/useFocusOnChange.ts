import { useEffect, useRef } from 'react';

/**
 * Moves the keyboard focus to a screen's container whenever the screen changes, so a screen
 * reader announces the new screen and Tab continues from its top, not from a button that vanished.
 * The new screen also opens at its top: its data is usually in the stores already, so nothing
 * shorter (a loading line) is drawn first that would reset the scroll left by the screen before.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [key]);
  return ref;
}
