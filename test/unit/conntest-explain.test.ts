/**
 * Every error the connector documentation lists for Box, plus HTTP 500 and timeouts, maps to
 * its documented cause and fix; anything else shows Box's own code, message and request id and
 * offers "copy diagnostics". (The sandbox scenarios in test/integration/conntest/ see the same
 * texts arrive from real answers; this table pins the wordings that no sandbox state produces.)
 */
import { describe, expect, it } from 'vitest';
import { DATA_CENTERS } from '../../common/allowlist/data-centers';
import { explainRefusal, explainResponse, type ExplainContext } from '../../main/core/conntest/explain';
import type { ProbeResponse } from '../../main/core/conntest/probe';

const ctx: ExplainContext = { dataCenter: 'EU1', clientId: 'myclientid' };

function answer(over: Partial<ProbeResponse>): ProbeResponse {
  return {
    request: 'GET /2.0/users',
    status: 200,
    ok: false,
    requestId: 'abc123',
    ms: 10,
    body: null,
    problem: null,
    code: null,
    message: null,
    headers: null,
    ...over,
  };
}

describe('explain: the documented Box errors', () => {
  it('invalid_grant / "Invalid refresh token" → connect again', () => {
    const e = explainRefusal(
      { reason: 'refused', oauth: { error: 'invalid_grant', description: 'Refresh token has expired', status: 400 } },
      ctx,
    );
    expect(e.cause).toContain('invalid_grant');
    expect(e.cause).toContain('Box refresh tokens live 60 days and work once');
    expect(e.fix).toBe('Connect again (Connect to Box > Sign in with Box).');
    const inBody = explainResponse(
      answer({ status: 400, code: 'invalid_grant', message: 'Invalid refresh token' }),
      null,
      ctx,
      'x',
    );
    expect(inBody.cause).toContain('“Invalid refresh token”');
    expect(inBody.fix).toBe('Connect again (Connect to Box > Sign in with Box).');
  });

  it('"Failed to parse response" → run the test again', () => {
    const cut = explainResponse(
      answer({ status: 200, problem: 'malformed', code: 'malformed', message: 'Failed to parse response' }),
      null,
      ctx,
      'the user list',
    );
    expect(cut.cause).toContain('“Failed to parse response”');
    expect(cut.cause).toContain('transient internal error');
    expect(cut.fix).toBe('Run the test again.');
    const said = explainResponse(
      answer({ status: 400, code: 'bad_request', message: 'Failed to parse response' }),
      null,
      ctx,
      'x',
    );
    expect(said.fix).toBe('Run the test again.');
  });

  it('"User cannot access this feature without having an enterprise" → upgrade the Box plan, then connect again', () => {
    const e = explainResponse(
      answer({
        status: 403,
        code: 'forbidden',
        message: 'User cannot access this feature without having an enterprise',
      }),
      null,
      ctx,
      'x',
    );
    expect(e.cause).toContain('“User cannot access this feature without having an enterprise”');
    expect(e.fix).toBe(
      'Upgrade the Box plan to one with an enterprise (Business or Enterprise), then connect again as its admin.',
    );
  });

  it('"Unauthorized - Cannot authorize with this service" → the allowlist for this data center, then connect again', () => {
    const e = explainResponse(
      answer({ status: 403, code: 'forbidden', message: 'Unauthorized - Cannot authorize with this service' }),
      null,
      ctx,
      'x',
    );
    expect(e.cause).toContain(
      'A Box admin removed the app, or unpublished apps are disabled and the app is not in “Except for”',
    );
    expect(e.fix).toBe(
      `Open the allowlist walkthrough. For EU1 (Europe) the connector's key is ${DATA_CENTERS.find((d) => d.id === 'EU1')!.allowlistKey}: it must be in the “Except for” list (or enabled in the Platform Apps Manager). This app's own client ID (myclientid) must be enabled the same way. Then connect again.`,
    );
    expect(e.actions).toEqual(['open_allowlist', 'reconnect']);
  });

  it('HTTP 500 → check Box’s status, retry later', () => {
    const e = explainResponse(
      answer({ status: 500, code: 'internal_server_error', message: 'Internal Server Error' }),
      null,
      ctx,
      'the user list',
    );
    expect(e.cause).toBe(
      "Box's service had an error answering the user list (HTTP 500 internal_server_error) (request id abc123).",
    );
    expect(e.fix).toBe('Check Box’s status (status.box.com) and retry later.');
  });

  it('timeout → retry later', () => {
    const e = explainResponse(
      answer({ status: null, problem: 'timeout', code: 'timeout', requestId: null }),
      null,
      ctx,
      'the user list',
    );
    expect(e.cause).toBe('Box did not answer the user list in time.');
    expect(e.fix).toMatch(/^Retry later/);
  });

  it('an unknown error shows Box’s code, message and request id, and offers copy diagnostics', () => {
    const e = explainResponse(
      answer({ status: 409, code: 'conflict', message: 'Something new' }),
      null,
      ctx,
      'the user list',
    );
    expect(e.cause).toBe('Box answered the user list with HTTP 409, code conflict: Something new (request id abc123).');
    expect(e.actions).toContain('copy_diagnostics');
    expect(e.fix).toContain('Copy the diagnostics');
  });
});
