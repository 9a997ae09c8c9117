/** The allowlist walkthrough's rules and data, pure: no Node, no DOM. */
export * from './compare-key';
export * from './consoles';
export * from './data-centers';
export * from './detect';
export * from './messages';
export * from './steps';
export * from './walkthrough';
export * from './runbook-formats';
export * from './portals';
export * from './portal-steps';
export * from './portal-half';
