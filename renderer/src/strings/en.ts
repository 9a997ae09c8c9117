/**
 * Every UI string in English. A translation is a copy of this file with the same keys.
 */
export const en = {
  appTitle: 'Box Connect Companion',
  loading: 'Starting…',
  bridgeFailed: 'The app could not reach its core.',
  about: {
    heading: 'About this installation',
    version: 'Version',
    runtime: 'Running in',
    home: 'App data folder',
    keychain: 'Keychain',
    keychainAvailable: (service: string) => `Available (entries are stored under “${service}”)`,
    keychainUnavailable: 'Not available: sign-in is disabled until a keychain is available. Secrets are never stored anywhere else.',
  },
  theme: {
    label: 'Theme',
    system: 'Follow the system',
    light: 'Light',
    dark: 'Dark',
  },
} as const;

export type Strings = typeof en;
