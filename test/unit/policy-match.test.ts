/** A policy filter's semantics: AND across fields, OR within a list, a missing fact never matches. */
import { describe, expect, it } from 'vitest';
import { policyFilterSchema } from '../../common/policy/schema';
import { compileFilter } from '../../common/policy/match';
import { TEMPLATES, templateById } from '../../common/policy/templates';
import { TEMPLATE_IDS, type PolicyFileFacts, type PolicyFilter } from '../../common/policy/types';
import { policySchema } from '../../common/policy/schema';
import { emptyFindings } from '../../common/scan/detectors';

const NOW = Date.parse('2026-12-01T00:00:00Z');

function file(over: Partial<PolicyFileFacts> = {}): PolicyFileFacts {
  return {
    fileId: '1',
    name: 'report.pdf',
    ext: 'pdf',
    path: '/Finance/Payroll',
    ownerLogin: 'Ann@Corp.example',
    ownerGroups: ['Finance'],
    sizeBytes: 2048,
    modifiedAt: '2026-09-01T10:00:00Z',
    accessLevel: 'Public (Internet)',
    externalCollaborators: [],
    inspection: 'Completed',
    findings: { ...emptyFindings(), card: 2 },
    status: 'scanned',
    ...over,
  };
}

const matches = (filter: PolicyFilter, facts: PolicyFileFacts) => compileFilter(filter, NOW)(facts);

describe('compileFilter', () => {
  it('an empty filter matches every file, even one not scanned yet', () => {
    expect(matches({}, file({ accessLevel: null, findings: null, status: 'queued' }))).toBe(true);
  });

  it('access levels: any listed level; a file without one (not scanned) never matches', () => {
    expect(matches({ accessLevels: ['Public', 'Public (Internet)'] }, file())).toBe(true);
    expect(matches({ accessLevels: ['Internal'] }, file())).toBe(false);
    expect(matches({ accessLevels: ['Private'] }, file({ accessLevel: null }))).toBe(false);
  });

  it('external: present, included domains (any collaborator listed), excluded domains (any not listed)', () => {
    const shared = file({ externalCollaborators: ['bob@GMAIL.com', 'eve@partner.example'] });
    expect(matches({ external: { present: true } }, shared)).toBe(true);
    expect(matches({ external: { present: false } }, shared)).toBe(false);
    expect(matches({ external: { present: false } }, file())).toBe(true);
    expect(matches({ external: { includeDomains: ['gmail.com'] } }, shared)).toBe(true);
    expect(matches({ external: { includeDomains: ['yahoo.com'] } }, shared)).toBe(false);
    expect(matches({ external: { excludeDomains: ['partner.example'] } }, shared)).toBe(true);
    expect(matches({ external: { excludeDomains: ['partner.example', 'gmail.com'] } }, shared)).toBe(false);
    expect(matches({ external: { excludeDomains: ['partner.example'] } }, file())).toBe(false);
  });

  it('detectors: any (default) or all of the minimum counts; not inspected never matches', () => {
    const f = file({ findings: { ...emptyFindings(), card: 2, ssn: 1 } });
    expect(
      matches(
        {
          detectors: {
            min: [
              { detector: 'card', count: 3 },
              { detector: 'ssn', count: 1 },
            ],
          },
        },
        f,
      ),
    ).toBe(true);
    const all: PolicyFilter = {
      detectors: {
        mode: 'all',
        min: [
          { detector: 'card', count: 3 },
          { detector: 'ssn', count: 1 },
        ],
      },
    };
    expect(matches(all, f)).toBe(false);
    expect(matches({ detectors: { min: [{ detector: 'card', count: 2 }] } }, f)).toBe(true);
    expect(matches({ detectors: { min: [{ detector: 'card', count: 1 }] } }, file({ findings: null }))).toBe(false);
  });

  it('owners and groups are case-insensitive', () => {
    expect(matches({ owners: ['ann@corp.EXAMPLE'] }, file())).toBe(true);
    expect(matches({ owners: ['bob@corp.example'] }, file())).toBe(false);
    expect(matches({ groups: ['finance', 'Legal'] }, file())).toBe(true);
    expect(matches({ groups: ['Legal'] }, file())).toBe(false);
  });

  it('path prefix: case-insensitive, whole segments only', () => {
    expect(matches({ pathPrefix: '/finance' }, file())).toBe(true);
    expect(matches({ pathPrefix: '/Finance/Payroll/' }, file())).toBe(true);
    expect(matches({ pathPrefix: '/Fin' }, file())).toBe(false);
    expect(matches({ pathPrefix: '/Finance/Payroll' }, file({ path: '/Finance/Payroll-old' }))).toBe(false);
    expect(matches({ pathPrefix: '/' }, file())).toBe(true);
  });

  it('extension, size bounds (inclusive) and a file of unknown size', () => {
    expect(matches({ extensions: ['docx', 'pdf'] }, file())).toBe(true);
    expect(matches({ extensions: ['docx'] }, file())).toBe(false);
    expect(matches({ size: { minBytes: 2048, maxBytes: 2048 } }, file())).toBe(true);
    expect(matches({ size: { minBytes: 2049 } }, file())).toBe(false);
    expect(matches({ size: { maxBytes: 10 } }, file({ sizeBytes: null }))).toBe(false);
  });

  it('modified: before, after, older than N days relative to now; unknown date never matches', () => {
    expect(matches({ modified: { before: '2026-10-01' } }, file())).toBe(true);
    expect(matches({ modified: { after: '2026-10-01' } }, file())).toBe(false);
    expect(matches({ modified: { after: '2026-09-01' } }, file())).toBe(true);
    expect(matches({ modified: { olderThanDays: 180 } }, file())).toBe(false); // 91 days
    expect(matches({ modified: { olderThanDays: 180 } }, file({ modifiedAt: '2026-06-05T00:00:00Z' }))).toBe(false); // 179 days
    expect(matches({ modified: { olderThanDays: 180 } }, file({ modifiedAt: '2026-05-01T00:00:00Z' }))).toBe(true);
    expect(matches({ modified: { olderThanDays: 1 } }, file({ modifiedAt: null }))).toBe(false);
  });

  it('inspection states, and every field ANDed', () => {
    expect(matches({ inspection: ['Failed', 'Completed'] }, file())).toBe(true);
    expect(matches({ inspection: ['Failed'] }, file())).toBe(false);
    expect(matches({ inspection: ['Completed'], extensions: ['docx'] }, file())).toBe(false);
  });
});

describe('templates', () => {
  it('ship one valid policy per template id', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    for (const t of TEMPLATES) {
      expect(policySchema.safeParse(t.policy).success, t.id).toBe(true);
      expect(t.policy.id).toBe(t.id);
    }
  });

  const m = (id: (typeof TEMPLATE_IDS)[number], f: PolicyFileFacts) =>
    compileFilter(templateById(id).policy.filter, NOW)(f);

  it('public card numbers: an open link (with or without password) and a card number', () => {
    expect(m('public-card-numbers', file())).toBe(true);
    expect(m('public-card-numbers', file({ accessLevel: 'Public' }))).toBe(true);
    expect(m('public-card-numbers', file({ accessLevel: 'External' }))).toBe(false);
    expect(m('public-card-numbers', file({ findings: { ...emptyFindings(), iban: 1 } }))).toBe(false);
  });

  it('personal e-mail domains: a collaborator at a free mail provider', () => {
    expect(m('personal-email-domains', file({ externalCollaborators: ['x@proton.me'] }))).toBe(true);
    expect(m('personal-email-domains', file({ externalCollaborators: ['x@partner.example'] }))).toBe(false);
  });

  it('sensitive shared externally: any detector and (external collaborators or a public link)', () => {
    const mail = { ...emptyFindings(), email: 1 };
    expect(m('sensitive-shared-externally', file({ accessLevel: 'External', findings: mail }))).toBe(true);
    expect(m('sensitive-shared-externally', file({ accessLevel: 'Public', findings: mail }))).toBe(true);
    expect(m('sensitive-shared-externally', file({ accessLevel: 'Internal', findings: mail }))).toBe(false);
    expect(m('sensitive-shared-externally', file({ accessLevel: 'External', findings: emptyFindings() }))).toBe(false);
  });

  it('stale public links: public and not modified in 180 days', () => {
    expect(m('stale-public-links', file({ modifiedAt: '2025-01-01T00:00:00Z' }))).toBe(true);
    expect(m('stale-public-links', file())).toBe(false);
    expect(m('stale-public-links', file({ modifiedAt: '2025-01-01T00:00:00Z', accessLevel: 'Internal' }))).toBe(false);
  });
});

describe('policyFilterSchema dates', () => {
  it('refuses a date that is not one (it would silently match nothing), naming the field', () => {
    for (const before of ['2025-13-45', '2025-01-31x', 'yesterday']) {
      const r = policyFilterSchema.safeParse({ modified: { before } });
      expect(r.success, before).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['modified', 'before']);
    }
    for (const before of ['2025-01-31', '2025-01-31T08:00:00Z', '2025-01-31T08:00:00+02:00'])
      expect(policyFilterSchema.safeParse({ modified: { before } }).success, before).toBe(true);
  });
});
