/** The scan's pure rules: validating detectors (no look-alikes), access levels, which events move a file. */
import { describe, expect, it } from 'vitest';
import { accessLevel } from '../../common/scan/access-level';
import { detect } from '../../common/scan/detectors';
import { eventMovesFile } from '../../common/scan/priority';
import { csvField } from '../../main/core/scan/export';

describe('sensitive-data detectors', () => {
  it('count valid values and ignore look-alikes that fail their checksum or format rules', () => {
    const text = [
      'Card 4111 1111 1111 1111 and 5500-0000-0000-0004; typo 4111 1111 1111 1112; order no. 1234567812345678.',
      'IBAN GB82 WEST 1234 5698 7654 32, bad GB83WEST12345698765432, DE89370400440532013000.',
      'SSN 123-45-6789; not 666-12-3456 nor 000-12-3456 nor 123-00-4567.',
      'NINO AB123456C; not BG123456C nor DA123456C.',
      'Mail jane.doe@example.com, not jane..doe@example.com nor jane@localhost.',
    ].join('\n');
    expect(detect(text)).toEqual({ card: 2, iban: 2, ssn: 1, nino: 1, email: 1 });
  });

  it('finds nothing in ordinary prose and numbers', () => {
    expect(detect('Invoice 2024-01-15, total 1,234.56 EUR, ref 9876543210, phone +44 20 7946 0958.')).toEqual({
      card: 0,
      iban: 0,
      ssn: 0,
      nino: 0,
      email: 0,
    });
  });
});

describe('access levels as the connector reports them', () => {
  const base = { linkEffectiveAccess: null, externalCollaborators: 0, internalCollaborators: 0 };
  it('takes the most exposed, using the effective link access', () => {
    expect(accessLevel({ ...base, linkEffectiveAccess: 'open', externalCollaborators: 2 })).toBe('Public (Internet)');
    expect(accessLevel({ ...base, linkEffectiveAccess: 'open', linkPasswordEnabled: true })).toBe('Public');
    expect(accessLevel({ ...base, linkEffectiveAccess: 'company', externalCollaborators: 1 })).toBe('External');
    expect(accessLevel({ ...base, linkEffectiveAccess: 'company' })).toBe('Internal');
    expect(accessLevel({ ...base, internalCollaborators: 3 })).toBe('Internal');
    expect(accessLevel({ ...base, linkEffectiveAccess: 'collaborators' })).toBe('Private');
    expect(accessLevel(base)).toBe('Private');
  });
});

describe('which events move a file', () => {
  it('content and sharing events do; read-only ones and unknown ones do not', () => {
    for (const t of ['EDIT', 'UPLOAD', 'SHARE', 'ITEM_SHARED_UPDATE', 'COLLABORATION_INVITE', 'DELETE'])
      expect(eventMovesFile(t)).toBe(true);
    for (const t of ['PREVIEW', 'DOWNLOAD', 'ITEM_OPEN', 'CONTENT_ACCESS', 'ITEM_SYNC', 'LOGIN'])
      expect(eventMovesFile(t)).toBe(false);
  });
});

describe('CSV export fields', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
  });
});
