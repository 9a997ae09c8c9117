/**
 * The actions' decisions without Box: what each says it will do, when it refuses and why, and
 * how it recognises a change already made (what crash recovery relies on).
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  UNDO_OF,
  type ActionSpec,
  type FileGovernanceState,
  type GovernanceCollaboration,
} from '../../common/policy/types';
import { actionSpecSchema } from '../../common/policy/schema';
import { ACTIONS, actionFor, actionForPolicy } from '../../main/core/governance/actions';
import { noteName } from '../../main/core/governance/actions/quarantine';

function state(o: Partial<FileGovernanceState> = {}): FileGovernanceState {
  return {
    fileId: '100',
    name: 'Payroll 2026.xlsx',
    etag: '1',
    parentId: '55',
    parentPath: '/Finance/Payroll',
    sharedLink: null,
    collaborations: [],
    trashed: false,
    ownerId: '7',
    quarantinedFrom: null,
    quarantineNoteId: null,
    ...o,
  };
}

function collab(login: string, o: Partial<GovernanceCollaboration> = {}): GovernanceCollaboration {
  return {
    collaborationId: `c-${login}`,
    login,
    role: 'editor',
    status: 'accepted',
    external: true,
    inheritedFromFolderId: null,
    ...o,
  };
}

const link = (access: 'open' | 'company' | 'collaborators', effectiveAccess: string = access) => ({
  access,
  effectiveAccess,
  passwordEnabled: false,
});

it('every action has an implementation, with an undo exactly where the contract promises one', () => {
  for (const name of ACTION_NAMES) {
    expect(ACTIONS[name].name).toBe(name);
    expect(ACTIONS[name].undo !== undefined).toBe(UNDO_OF[name] !== null);
  }
});

describe('shared links', () => {
  it('describes the link as the admin knows it, capped access included', () => {
    const s = state({ sharedLink: link('open', 'company') });
    expect(ACTIONS['remove-shared-link'].describe({ name: 'remove-shared-link' }, s)).toBe(
      'Remove the shared link (People with the link, effective: People in your company)',
    );
  });

  it('restricting only ever narrows', () => {
    const spec = { name: 'restrict-shared-link', access: 'company' } as const;
    const applies = (access: 'open' | 'company' | 'collaborators') =>
      ACTIONS['restrict-shared-link'].applies(spec, state({ sharedLink: link(access) })).ok;
    expect([applies('open'), applies('company'), applies('collaborators')]).toEqual([true, false, false]);
    expect(ACTIONS['restrict-shared-link'].applies(spec, state()).ok).toBe(false);
  });

  it('recognises a link already removed or restricted, and not before', () => {
    const before = state({ sharedLink: link('open') });
    expect(ACTIONS['remove-shared-link'].isApplied({ name: 'remove-shared-link' }, before, state())).toBe(true);
    expect(ACTIONS['remove-shared-link'].isApplied({ name: 'remove-shared-link' }, before, before)).toBe(false);
    const spec = { name: 'restrict-shared-link', access: 'collaborators' } as const;
    expect(ACTIONS['restrict-shared-link'].isApplied(spec, before, state({ sharedLink: link('collaborators') }))).toBe(
      true,
    );
  });
});

describe('collaborators', () => {
  const spec = { name: 'remove-external-collaborators' } as const;

  it('removes only the file’s own external collaborators; inherited ones are refused with the folder named', () => {
    const inherited = collab('ann@partner.example', { inheritedFromFolderId: '42' });
    expect(ACTIONS['remove-external-collaborators'].applies(spec, state({ collaborations: [inherited] }))).toEqual({
      ok: false,
      reason: 'External collaborators come from folder 42 (/Finance/Payroll): remove them on the folder',
    });
    const both = state({
      collaborations: [inherited, collab('bob@gmail.example'), collab('cy@corp.example', { external: false })],
    });
    expect(actionFor(spec).describe(spec, both)).toBe('Remove 1 external collaborator (bob@gmail.example)');
    // Done once bob is gone, whatever the folder still shares.
    const after = state({ collaborations: [inherited, collab('cy@corp.example', { external: false })] });
    expect(ACTIONS['remove-external-collaborators'].isApplied(spec, both, after)).toBe(true);
    expect(ACTIONS['remove-external-collaborators'].isApplied(spec, both, both)).toBe(false);
  });

  it('finds one collaborator by login whatever the case, and says when there is none', () => {
    const s = state({ collaborations: [collab('Dee@Corp.example', { role: 'viewer', external: false })] });
    const one = (login: string) => ({ name: 'remove-collaborator', login }) as const;
    expect(ACTIONS['remove-collaborator'].applies(one('dee@corp.example'), s).ok).toBe(true);
    expect(ACTIONS['remove-collaborator'].describe(one('dee@corp.example'), s)).toBe(
      'Remove collaborator dee@corp.example (viewer)',
    );
    expect(ACTIONS['remove-collaborator'].applies(one('eve@corp.example'), s)).toEqual({
      ok: false,
      reason: 'eve@corp.example does not collaborate on the file',
    });
  });
});

describe('quarantine, restore and trash', () => {
  const q = { name: 'quarantine' } as const;
  const inQuarantine = state({
    parentId: '900',
    quarantinedFrom: { parentId: '55', parentPath: '/Finance/Payroll', ownerId: '7' },
  });

  it('refuses what cannot be quarantined (or brought back)', () => {
    expect(ACTIONS.quarantine.applies(q, state()).ok).toBe(true);
    expect(ACTIONS.quarantine.applies(q, inQuarantine).ok).toBe(false);
    expect(ACTIONS.quarantine.applies(q, state({ parentId: '0' })).ok).toBe(false);
    expect(ACTIONS.quarantine.applies(q, state({ trashed: true })).ok).toBe(false);
    expect(ACTIONS['restore-from-quarantine'].applies({ name: 'restore-from-quarantine' }, state()).ok).toBe(false);
    expect(ACTIONS['restore-from-quarantine'].applies({ name: 'restore-from-quarantine' }, inQuarantine).ok).toBe(true);
  });

  it('recognises a file already moved, either way, and one already trashed', () => {
    expect(ACTIONS.quarantine.isApplied(q, state(), inQuarantine)).toBe(true);
    expect(ACTIONS.quarantine.isApplied(q, state(), state())).toBe(false);
    const r = { name: 'restore-from-quarantine' } as const;
    expect(ACTIONS['restore-from-quarantine'].isApplied(r, inQuarantine, state())).toBe(true);
    expect(ACTIONS['restore-from-quarantine'].isApplied(r, inQuarantine, inQuarantine)).toBe(false);
    expect(ACTIONS.trash.isApplied({ name: 'trash' }, state(), state({ trashed: true }))).toBe(true);
  });

  it('names the note after the file, within Box’s 255 characters', () => {
    expect(noteName('Payroll 2026.xlsx')).toBe(
      'Payroll 2026.xlsx was moved to quarantine by your Box administrator.txt',
    );
    const long = noteName(`${'x'.repeat(250)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith(' was moved to quarantine by your Box administrator.txt')).toBe(true);
  });
});

describe('remove-external-collaborators limited to domains', () => {
  const both = state({
    collaborations: [collab('bob@Gmail.com'), collab('pat@partner.com'), collab('al@outlook.com')],
  });

  it('removes only the included domains, never the excluded, and says exactly who goes and who stays', () => {
    const spec: ActionSpec = { name: 'remove-external-collaborators', domains: { include: ['gmail.com'] } };
    expect(actionFor(spec).describe(spec, both)).toBe(
      'Remove 1 external collaborator at gmail.com (bob@Gmail.com); pat@partner.com, al@outlook.com stay',
    );
    const trusted: ActionSpec = { name: 'remove-external-collaborators', domains: { exclude: ['partner.com'] } };
    expect(actionFor(trusted).describe(trusted, both)).toBe(
      'Remove 2 external collaborators not at partner.com (bob@Gmail.com, al@outlook.com); pat@partner.com stays',
    );
  });

  it('takes the domains from the policy filter, and the policy file validates them', () => {
    const spec = actionForPolicy(
      { filter: { external: { includeDomains: ['Gmail.com'], excludeDomains: ['partner.com'] } } },
      { name: 'remove-external-collaborators' },
    );
    expect(spec).toEqual({
      name: 'remove-external-collaborators',
      domains: { include: ['gmail.com'], exclude: ['partner.com'] },
    });
    expect(actionForPolicy({ filter: {} }, { name: 'remove-external-collaborators' })).toEqual({
      name: 'remove-external-collaborators',
    });
    expect(actionSpecSchema.safeParse(spec).success).toBe(true);
    const bad = { name: 'remove-external-collaborators', domains: { include: ['not a domain'] } };
    expect(actionSpecSchema.safeParse(bad).success).toBe(false);
  });
});
