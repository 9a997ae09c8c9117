import { useEffect } from 'react';
import type { Settings } from '../../common/settings';

/** Applies the chosen theme; 'system' follows the OS through prefers-color-scheme in CSS. */
export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
