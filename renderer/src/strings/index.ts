import { en } from './en';

/** The strings of the UI language; English is the only one for now. */
export const t = en;
export { bytes } from './format';
