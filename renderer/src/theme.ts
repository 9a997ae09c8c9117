import { useLayoutEffect } from 'react';
import type { Settings } from '../../common/settings';

const DARK_SCHEME = '(prefers-color-scheme: dark)';

/** The theme the page shows: the user's choice, or for 'system' the OS's colour scheme now. */
export function effectiveTheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia(DARK_SCHEME).matches ? 'dark' : 'light';
}

/**
 * Applies the chosen theme as <html data-theme="light|dark"> (styles.css writes the dark palette
 * once, under [data-theme='dark']); 'system' is resolved here and followed when the OS changes.
 * A layout effect, so the first paint already has the right colours.
 */
export function useTheme(theme: Settings['theme']): void {
  useLayoutEffect(() => {
    const apply = () => {
      document.documentElement.dataset.theme = effectiveTheme(theme);
    };
    apply();
    if (theme !== 'system') return undefined;
    const media = window.matchMedia(DARK_SCHEME);
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
