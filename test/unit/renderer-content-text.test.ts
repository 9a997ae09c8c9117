/**
 * What the content phase and Findings say about a file's content: bytes as a person reads them,
 * a reason code as the connector's label (an older store's words as they are), and the method.
 */
import { describe, expect, it } from 'vitest';
import { bytes, t } from '../../renderer/src/strings';

const reasonText = t.findings.reasonText;

describe('content in words', () => {
  it('shows bytes in binary multiples with at most one decimal', () => {
    expect(bytes(0)).toBe('0 B');
    expect(bytes(1023)).toBe('1,023 B');
    expect(bytes(1536)).toBe('1.5 KB');
    expect(bytes(30 * 1024 * 1024)).toBe('30 MB');
    expect(bytes(5.25 * 1024 ** 3)).toBe('5.3 GB');
  });

  it('shows a reason code by its label, and an older store’s free text as it is', () => {
    expect(reasonText('encrypted')).toBe('File is encrypted');
    expect(reasonText('too-long')).toBe('File is too long and was partially scanned (over 1 million characters)');
    expect(reasonText('could not be read: timeout')).toBe('could not be read: timeout');
    expect(reasonText(null)).toBeNull();
    // Not a code, though it is a property every object has.
    expect(reasonText('toString')).toBe('toString');
  });

  it('names each method as the admin reads it', () => {
    expect(t.findings.method.local).toBe('read locally');
    expect(t.findings.method['box-text']).toBe('Box text');
  });
});
