import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/bridge/dispatch';
import type { Handlers } from '../../main/core/bridge/handlers';
import { DEFAULT_SETTINGS } from '../../common/settings';

function recordingHandlers() {
  const calls: unknown[] = [];
  const handlers: Handlers = {
    getAppInfo: async () => {
      throw new Error('not used');
    },
    getSettings: async () => DEFAULT_SETTINGS,
    updateSettings: async (patch) => {
      calls.push(patch);
      return { ...DEFAULT_SETTINGS, ...patch };
    },
  };
  return { handlers, calls };
}

describe('bridge argument validation', () => {
  it('refuses a wrong argument with a message naming the call, the field and what was expected', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await dispatch(handlers, 'updateSettings', { theme: 'purple' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid_argument');
    expect(reply.error.message).toMatch(/^updateSettings: invalid argument: theme: /);
    expect(reply.error.message).toContain('"system"');
    expect(calls).toEqual([]); // the handler never ran
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const { handlers, calls } = recordingHandlers();
    const reply = await dispatch(handlers, 'updateSettings', { theme: 'dark', isAdmin: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(!reply.ok && reply.error.message).toContain('isAdmin');
    expect(calls).toEqual([]);
  });

  it('refuses a non-object argument and an unknown call', async () => {
    const { handlers } = recordingHandlers();
    expect(await dispatch(handlers, 'getSettings', 'please')).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const unknown = await dispatch(handlers, 'deleteEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(!unknown.ok && unknown.error.message).toContain('getAppInfo');
  });

  it('passes a valid argument through and reports handler errors as failures, not exceptions', async () => {
    const { handlers, calls } = recordingHandlers();
    expect(await dispatch(handlers, 'updateSettings', { theme: 'dark' })).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    expect(calls).toEqual([{ theme: 'dark' }]);
    expect(await dispatch(handlers, 'getAppInfo', {})).toEqual({ ok: false, error: { code: 'failed', message: 'not used' } });
  });
});
