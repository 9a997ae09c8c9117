/**
 * Every failure reaches the user as its own text and next step (issue 15). Walks the whole
 * code table three ways: each error the core really throws carries its code through the one
 * bridge mapping; each code's factory gives the table's message and next step; and the
 * renderer's describeError gives each code its own sentence and the next step it promises, so
 * no code falls through to a generic text.
 */
import { BoxApiError as SdkApiError } from 'box-node-sdk/box';
import { describe, expect, it } from 'vitest';
import { BridgeError, contextBridgeError, fromContextBridge } from '../../common/bridge/errors';
import { ALL_ERROR_CODES, appErrors, ERROR_CODES, NEXT_STEPS, type ErrorCode } from '../../common/errors/error-codes';
import { OAuthError } from '../../main/core/auth/oauth-requests';
import { RefreshLockTimeoutError } from '../../main/core/auth/refresh-lock';
import { SignInError } from '../../main/core/auth/sign-in-error';
import { ReconnectRequiredError } from '../../main/core/auth/token-session';
import { toBridgeFailure } from '../../main/core/bridge/bridge-failure';
import { dispatch } from '../../main/core/bridge/dispatch';
import type { Handlers } from '../../main/core/bridge/handlers';
import { KeychainUnavailableError } from '../../main/core/keychain/secret-store';
import { BoxApiError } from '../../main/core/scan/box-api';
import { ActivityUnavailableError } from '../../main/core/scan/phases/live';
import { ScanLockedError } from '../../main/core/scan/scan-lock';
import { NotConnectedError } from '../../main/core/scan/scan-service';
import { RetryableError } from '../../main/core/scan/scheduler';
import { PolicyNotFoundError } from '../../main/core/policy/policy-store';
import { UnknownSchemaError } from '../../main/core/scan/store/migrations';
import { SettingLockedError } from '../../main/core/settings/managed-settings-store';
import { describeError } from '../../renderer/src/errors/describe-error';
import { t } from '../../renderer/src/strings';

const holder = { pid: 4242, host: 'desk', program: 'box-companion scan', startedAt: '2026-01-01T00:00:00.000Z' };

function sdkApiError(statusCode: number, code: string): SdkApiError {
  return new SdkApiError({
    message: `Box said no; request https://api.box.com/2.0/users/me?access_token=abc with Authorization: Bearer sEcReTtOkEn`,
    timestamp: undefined,
    error: undefined,
    requestInfo: {
      method: 'GET',
      url: 'https://api.box.com/2.0/users/me',
      queryParams: {},
      headers: { authorization: 'Bearer sEcReTtOkEn' },
    },
    responseInfo: { statusCode, headers: {}, code },
  });
}

/** What the core really throws (grep `class .*Error` in main/core), each with the code it must reach the user as. */
const THROWN: Array<[string, unknown, ErrorCode]> = [
  ['ReconnectRequiredError', new ReconnectRequiredError('the refresh token was revoked'), 'reconnect_required'],
  ['NotConnectedError', new NotConnectedError(), 'not_connected'],
  ['ScanLockedError', new ScanLockedError(holder), 'scan_locked'],
  ['KeychainUnavailableError', new KeychainUnavailableError('Secret Service is not running.'), 'keychain_unavailable'],
  ['RefreshLockTimeoutError', new RefreshLockTimeoutError(holder, 61_000), 'sign_in_busy'],
  ['OAuthError', new OAuthError('invalid_client', 'The client credentials are invalid', 400), 'sign_in_failed'],
  ['SignInError timeout', new SignInError('timeout', 'Nobody came back'), 'sign_in_timeout'],
  ['SignInError cancelled', new SignInError('cancelled', 'Cancelled'), 'sign_in_cancelled'],
  ['SignInError denied', new SignInError('denied', 'You chose Deny'), 'sign_in_denied'],
  ['SignInError box_error', new SignInError('box_error', 'Box refused'), 'sign_in_denied'],
  ['SignInError exchange_failed', new SignInError('exchange_failed', 'No tokens'), 'sign_in_failed'],
  ['SignInError listener', new SignInError('listener', 'Port in use'), 'sign_in_failed'],
  ['SignInError no_keychain', new SignInError('no_keychain', 'Nowhere safe'), 'keychain_unavailable'],
  ['BoxApiError 401', new BoxApiError(401, 'unauthorized', '401 unauthorized'), 'reconnect_required'],
  ['BoxApiError 429', new BoxApiError(429, 'rate_limit_exceeded', '429'), 'rate_limited'],
  ['BoxApiError 503', new BoxApiError(503, 'unavailable', '503'), 'box_unavailable'],
  ['BoxApiError 404', new BoxApiError(404, 'not_found', '404 not_found'), 'internal'],
  ['RetryableError 429', new RetryableError('HTTP 429', 429, 5), 'rate_limited'],
  ['RetryableError 500', new RetryableError('HTTP 500', 500, null), 'box_unavailable'],
  ['RetryableError network', new RetryableError('network: ECONNRESET', 0, null, 'network'), 'network'],
  [
    'RetryableError malformed',
    new RetryableError('malformed response from Box', 0, null, 'malformed'),
    'box_unavailable',
  ],
  ['ActivityUnavailableError', new ActivityUnavailableError('403 access_denied'), 'activity_unavailable'],
  ['UnknownSchemaError', new UnknownSchemaError(99), 'store_too_new'],
  ['PolicyNotFoundError', new PolicyNotFoundError('gone'), 'policy_not_found'],
  [
    'SettingLockedError',
    new SettingLockedError(['boxApp.clientId'], '/etc/box-connect-companion/managed.json'),
    'setting_locked',
  ],
  ['the SDK’s BoxApiError 401', sdkApiError(401, 'unauthorized'), 'reconnect_required'],
  ['the SDK’s BoxApiError 429', sdkApiError(429, 'rate_limit_exceeded'), 'rate_limited'],
  [
    'fetch failed (connection refused)',
    new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    }),
    'network',
  ],
  ['AbortSignal.timeout', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'network'],
  ['a plain Error', new Error('SQLITE_BUSY: database is locked'), 'internal'],
  ['a thrown string', 'something odd', 'internal'],
];

describe('the core: every error it throws reaches the bridge with its code', () => {
  it.each(THROWN)('%s → its code, the table’s next step', (_name, thrown, code) => {
    const reply = toBridgeFailure(thrown);
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe(code);
    const step = ERROR_CODES[code].nextStep;
    if (code !== 'sign_in_denied') expect(reply.error.nextStep).toBe(step === 'none' ? undefined : step);
  });

  it('a sign-in Box refused offers the allowlist step', () => {
    expect(
      toBridgeFailure(new SignInError('box_error', 'Box refused the sign-in: unauthorized_client.')).error.nextStep,
    ).toBe('open_allowlist');
  });

  it('keeps the error’s own message, with URLs and bearer tokens removed', () => {
    const signed = new Error(
      'download failed at https://dl.boxcloud.com/d/1/abc?sig=SIGNED with Bearer AbCdEf123 refused',
    );
    const reply = toBridgeFailure(signed);
    expect(reply.error).toEqual({ code: 'internal', message: 'download failed at <url> with Bearer <token> refused' });
    const sdk = JSON.stringify(toBridgeFailure(sdkApiError(401, 'unauthorized')));
    expect(sdk).not.toContain('sEcReTtOkEn');
    expect(sdk).not.toContain('access_token=abc');
    expect(sdk).toContain('Box answered 401 unauthorized');
  });

  it('gives every code of the table a thrown value that reaches it (no code only on paper)', () => {
    const reached = new Set(THROWN.map(([, , code]) => code));
    // Raised by the bridge itself (validation, the IPC sender check, a dead core process).
    for (const code of ['invalid_argument', 'unknown_call', 'untrusted_sender', 'core_unavailable'] as const)
      reached.add(code);
    expect(ALL_ERROR_CODES.filter((code) => !reached.has(code))).toEqual([]);
  });
});

describe('dispatch: a handler’s error is replied with its code, not flattened to one "failed"', () => {
  const throwing = (error: unknown) => ({ startScan: async () => Promise.reject(error) }) as unknown as Handlers;

  it('a lost sign-in is reconnect_required with the Reconnect step', async () => {
    const reply = await dispatch(
      throwing(new ReconnectRequiredError('Box no longer accepts this sign-in')),
      'startScan',
      {},
    );
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'reconnect_required',
        message: 'Box needs you to sign in again: Box no longer accepts this sign-in',
        nextStep: 'reconnect',
      },
    });
  });

  it('another scanner is scan_locked, no keychain is keychain_unavailable', async () => {
    expect(await dispatch(throwing(new ScanLockedError(holder)), 'startScan', {})).toMatchObject({
      ok: false,
      error: { code: 'scan_locked', nextStep: 'stop_other_scan' },
    });
    expect(await dispatch(throwing(new KeychainUnavailableError('No Secret Service.')), 'startScan', {})).toMatchObject(
      { ok: false, error: { code: 'keychain_unavailable', nextStep: 'install_keychain' } },
    );
  });
});

describe('the factories: one per code, with the table’s message and next step', () => {
  it.each(ALL_ERROR_CODES)('%s', (code) => {
    const error = appErrors[code]();
    expect(error.errorCode).toBe(code);
    expect(error.message).toBe(ERROR_CODES[code].message);
    expect(error.nextStep).toBe(ERROR_CODES[code].nextStep);
    expect(NEXT_STEPS).toContain(error.nextStep);
    expect(appErrors[code]('told more').message).toBe('told more');
    expect(toBridgeFailure(appErrors[code]('told more')).error.code).toBe(code);
  });
});

describe('the renderer: describeError gives each code its own text and next step', () => {
  const described = ALL_ERROR_CODES.map((code) => {
    const reply = toBridgeFailure(appErrors[code]('the core’s detail'));
    return { code, view: describeError(new BridgeError(reply.error)) };
  });

  it.each(described)('$code', ({ code, view }) => {
    expect(view.code).toBe(code);
    expect(view.text).toBe(t.errors.codes[code]);
    expect(view.text.length).toBeGreaterThan(10);
    if (code !== 'internal') expect(view.text).not.toBe(t.errors.codes.internal);
    expect(view.detail).toBe('the core’s detail');
    const step = ERROR_CODES[code].nextStep;
    expect(view.next).toEqual(step === 'none' ? null : { step, label: t.errors.nextSteps[step] });
  });

  it('no two codes share a sentence', () => {
    const texts = described.map(({ view }) => view.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('the reconnect_required the core sends is told as a lost sign-in with a Reconnect button', () => {
    const view = describeError(
      new BridgeError(toBridgeFailure(new ReconnectRequiredError('Box no longer accepts this sign-in')).error),
    );
    expect(view).toMatchObject({ code: 'reconnect_required', next: { step: 'reconnect', label: 'Reconnect' } });
    expect(view.text).toBe('Box no longer accepts this sign-in: reconnect to go on.');
  });

  it('an error that is not the bridge’s is internal, its message kept as the detail', () => {
    expect(describeError(new Error('This page must be opened by Box Connect Companion'))).toEqual({
      code: 'internal',
      text: t.errors.codes.internal,
      detail: 'This page must be opened by Box Connect Companion',
      next: null,
    });
  });

  it('keeps the code and next step across Electron’s contextBridge, which copies only an Error’s message', () => {
    const detail = toBridgeFailure(new ScanLockedError(holder)).error;
    // What the page receives: a new Error with the preload's message and nothing else.
    const copied = new Error(contextBridgeError(detail).message);
    const view = describeError(fromContextBridge(copied));
    expect(view).toMatchObject({ code: 'scan_locked', next: { step: 'stop_other_scan' } });
    expect(view.detail).toContain('a scan is already running on this home');
  });
});
