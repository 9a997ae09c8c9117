/** The help desk's support code, pure: no Node, no DOM. */
export * from './support-code';
export * from './summary';
