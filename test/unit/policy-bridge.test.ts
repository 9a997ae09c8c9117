/**
 * The policy calls through the bridge's dispatch: a bad policy (as an argument or as an
 * imported file's text) is refused with a message naming the field; an unknown id is
 * policy_not_found; a template becomes a policy; export writes the file an import takes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateById } from '../../common/policy/templates';
import { dispatch } from '../../main/core/bridge/dispatch';
import type { Handlers } from '../../main/core/bridge/handlers';
import { policyHandlers } from '../../main/core/policy/bridge-handlers';
import { PolicyService } from '../../main/core/policy/policy-service';

let home: string;
let service: PolicyService;
let handlers: Handlers;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bcc-policy-bridge-'));
  service = new PolicyService({ home, db: () => null, reader: () => null, emitMatches() {}, emitAlerts() {} });
  handlers = policyHandlers(service) as Handlers;
});
afterEach(() => {
  service.stop();
  rmSync(home, { recursive: true, force: true });
});

const card = templateById('public-card-numbers').policy;

describe('policy bridge calls', () => {
  it('refuses a bad policy argument, naming the field', async () => {
    const bad = { ...card, filter: { accessLevels: ['Everyone'] } };
    const reply = await dispatch(handlers, 'savePolicy', { policy: bad });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!reply.ok && reply.error.message).toContain('policy.filter.accessLevels.0');
    const preview = await dispatch(handlers, 'previewPolicy', { filter: { size: { minBytes: 'big' } } });
    expect(!preview.ok && preview.error.message).toContain('filter.size.minBytes');
  });

  it('refuses a bad imported file, naming the field, and keeps nothing of it', async () => {
    const reply = await dispatch(handlers, 'importPolicy', {
      json: JSON.stringify({ ...card, automatic: [{ action: { name: 'trash' } }] }),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!reply.ok && reply.error.message).toContain('automatic.0.maxPerHour');
    expect(await dispatch(handlers, 'listPolicies', {})).toEqual({ ok: true, value: [] });
  });

  it('creates from a template, exports the file an import takes, and says policy_not_found for an unknown id', async () => {
    const made = await dispatch(handlers, 'createPolicyFromTemplate', { templateId: 'public-card-numbers' });
    expect(made).toMatchObject({ ok: true, value: { policy: { id: 'public-card-numbers' }, matches: 0 } });
    const exported = await dispatch(handlers, 'exportPolicy', { id: 'public-card-numbers' });
    if (!exported.ok) throw new Error(exported.error.message);
    const text = readFileSync((exported.value as { path: string }).path, 'utf8');
    const imported = await dispatch(handlers, 'importPolicy', { json: text });
    expect(imported).toMatchObject({ ok: true, value: { policy: { id: 'public-card-numbers-2', name: card.name } } });
    const missing = await dispatch(handlers, 'markPolicySeen', { id: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'policy_not_found' } });
    expect(await dispatch(handlers, 'removePolicy', { id: 'nope' })).toEqual({ ok: true, value: { removed: false } });
  });
});
