/**
 * Checks the key the admin pasted back against the one they should have copied, so a wrong
 * data center's key is caught here rather than as "Unauthorized" after connecting.
 * Runs everywhere: no Node, no DOM.
 */
import { DATA_CENTERS, dataCenter, type DataCenterId } from './data-centers';

export type KeyComparison =
  | { kind: 'empty' }
  | { kind: 'exact' }
  /** Right key once spaces or line breaks are removed: Box would not accept it with them. */
  | { kind: 'whitespace' }
  | { kind: 'other-data-center'; dataCenter: DataCenterId }
  | { kind: 'unknown' };

export function compareKey(pasted: string, expected: DataCenterId): KeyComparison {
  const compact = pasted.replace(/\s+/g, '');
  if (compact === '') return { kind: 'empty' };
  const expectedKey = dataCenter(expected).allowlistKey;
  if (pasted === expectedKey) return { kind: 'exact' };
  if (compact === expectedKey) return { kind: 'whitespace' };
  const other = DATA_CENTERS.find((candidate) => candidate.allowlistKey === compact.toLowerCase());
  if (other && other.id !== expected) return { kind: 'other-data-center', dataCenter: other.id };
  return { kind: 'unknown' };
}
