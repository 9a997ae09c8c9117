import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the effective theme changes (<html data-theme>, which theme.ts
 * keeps on 'light' or 'dark', following the OS for 'system'), for canvases that read colours once
 * when drawn.
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return version;
}
