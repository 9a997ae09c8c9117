/**
 * The policy editor's form and the PolicyFilter it saves: what the admin types (comma lists,
 * ".PDF", a group name with spaces, counts left at 0) becomes the filter the core matches, a
 * template's filter comes back into the form unchanged, and a value the shared schema rejects
 * is named on its own field.
 */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../common/policy/templates';
import { checkDraft, draftToFilter, filterToDraft } from '../../renderer/src/forms/policy-filter-draft';

const empty = filterToDraft({});

describe('policy editor form', () => {
  it('an untouched form is the empty filter (every file)', () => {
    expect(draftToFilter(empty)).toEqual({});
    expect(checkDraft(empty)).toEqual({ filter: {}, problems: {} });
  });

  it('turns typed lists and numbers into the filter', () => {
    const filter = draftToFilter({
      ...empty,
      accessLevels: ['Public (Internet)'],
      externalPresent: 'yes',
      includeDomains: 'Gmail.com, outlook.com  yahoo.com',
      detectorMin: { ...empty.detectorMin, card: '1', iban: '0', ssn: '3' },
      detectorMode: 'all',
      groups: 'Finance Team, Legal',
      extensions: '.PDF, xlsx',
      minBytes: '1024',
      olderThanDays: '180',
    });
    expect(filter).toEqual({
      accessLevels: ['Public (Internet)'],
      external: { present: true, includeDomains: ['gmail.com', 'outlook.com', 'yahoo.com'] },
      detectors: {
        mode: 'all',
        min: [
          { detector: 'card', count: 1 },
          { detector: 'ssn', count: 3 },
        ],
      },
      groups: ['Finance Team', 'Legal'],
      extensions: ['pdf', 'xlsx'],
      size: { minBytes: 1024 },
      modified: { olderThanDays: 180 },
    });
  });

  it('every template’s filter survives the round trip through the form', () => {
    expect(TEMPLATES.length).toBe(4);
    for (const template of TEMPLATES) {
      const checked = checkDraft(filterToDraft(template.policy.filter));
      expect(checked.problems, template.id).toEqual({});
      expect(checked.filter, template.id).toEqual(template.policy.filter);
    }
  });

  it('names the field whose value the schema rejects', () => {
    const checked = checkDraft({ ...empty, excludeDomains: 'not a domain', pathPrefix: 'Finance', maxBytes: 'x' });
    expect(checked.filter).toBeNull();
    expect(Object.keys(checked.problems).sort()).toEqual(['excludeDomains', 'maxBytes', 'pathPrefix']);
    expect(checked.problems.pathPrefix).toBe('a folder path starting with /');
  });
});
