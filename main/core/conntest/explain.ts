/**
 * Box's answers → cause and fix, in plain words. Covers every error the connector
 * documentation lists for Box (invalid_grant / "Invalid refresh token", "Failed to parse
 * response", "User cannot access this feature without having an enterprise", "Unauthorized -
 * Cannot authorize with this service"), plus HTTP 500 and timeouts; anything else shows Box's
 * own code, message and request id with "copy diagnostics".
 */
import type { FixAction } from '../../../common/conntest';
import { DATA_CENTERS, type DataCenterId } from '../../../common/allowlist/data-centers';
import type { ProbeResponse, SignInRefusal } from './probe';

export interface Explanation {
  cause: string;
  fix: string;
  actions: FixAction[];
  /** The cause is the app's permission in the enterprise (allowlist), not this one request. */
  appRefused?: boolean;
  /** The cause is the sign-in itself (refresh token refused or missing). */
  signInOver?: boolean;
}

export const NO_ENTERPRISE_TEXT = 'User cannot access this feature without having an enterprise';
export const CANNOT_AUTHORIZE_TEXT = 'Unauthorized - Cannot authorize with this service';
export const PARSE_FAILURE_TEXT = 'Failed to parse response';

/** What the allowlist fix says: the walkthrough, the chosen data center's key (or "pick one"), and this app's own ID. */
export function allowlistFix(dataCenter: DataCenterId | null, clientId: string | null): string {
  const dc = DATA_CENTERS.find((d) => d.id === dataCenter);
  const key = dc
    ? `For ${dc.displayName} the connector's key is ${dc.allowlistKey}: it must be in the “Except for” list (or enabled in the Platform Apps Manager).`
    : 'Pick your data center in the walkthrough to see which key goes into the “Except for” list (or the Platform Apps Manager).';
  const own = clientId ? ` This app's own client ID (${clientId}) must be enabled the same way.` : '';
  return `Open the allowlist walkthrough. ${key}${own} Then connect again.`;
}

export interface ExplainContext {
  dataCenter: DataCenterId | null;
  clientId: string | null;
}

export function explainRefusal(refusal: SignInRefusal, ctx: ExplainContext): Explanation {
  const oauth = refusal.oauth;
  if (!oauth) {
    return /no Box tokens/.test(refusal.reason)
      ? {
          cause: 'There is no Box sign-in to test: the tokens are not in the keychain.',
          fix: 'Connect to Box, then run the test again.',
          actions: ['reconnect'],
          signInOver: true,
        }
      : {
          cause: `The sign-in could not be renewed: ${refusal.reason}`,
          fix: 'Run the test again; if it keeps failing, connect again.',
          actions: ['retry', 'reconnect'],
        };
  }
  if (oauth.error === 'invalid_grant' && /expired/i.test(oauth.description)) {
    return {
      cause: `The Box sign-in expired (Box answered invalid_grant, “${oauth.description}”): Box refresh tokens live 60 days and work once.`,
      fix: 'Connect again (Connect to Box > Sign in with Box).',
      actions: ['reconnect'],
      signInOver: true,
    };
  }
  if (oauth.error === 'invalid_grant') {
    return {
      cause: `Box no longer accepts this sign-in (invalid_grant, “${oauth.description || 'Invalid refresh token'}”): it was revoked, used elsewhere, or a Box admin removed the app (“${CANNOT_AUTHORIZE_TEXT}”).`,
      fix: `If a Box admin removed the app, enable it again first. ${allowlistFix(ctx.dataCenter, ctx.clientId)}`,
      actions: ['open_allowlist', 'reconnect'],
      appRefused: true,
      signInOver: true,
    };
  }
  if (oauth.error === 'unauthorized_client') {
    return {
      cause: `Box refused this app for the enterprise (unauthorized_client, “${oauth.description}”; the connector shows “${CANNOT_AUTHORIZE_TEXT}”): unpublished apps are disabled and this app is not enabled, or a Box admin removed it.`,
      fix: allowlistFix(ctx.dataCenter, ctx.clientId),
      actions: ['open_allowlist', 'reconnect'],
      appRefused: true,
      signInOver: true,
    };
  }
  return {
    cause: `Box refused the app's credentials (${oauth.error}${oauth.description ? `, “${oauth.description}”` : ''}).`,
    fix: 'Check the client ID and secret of the Box app (Connect to Box), then connect again.',
    actions: ['reconnect'],
    signInOver: true,
  };
}

/** Why a request failed, whatever the check. `what` names what the request was for. */
export function explainResponse(
  r: ProbeResponse,
  refusal: SignInRefusal | null,
  ctx: ExplainContext,
  what: string,
): Explanation {
  if (r.problem === 'signed_out' || (r.status === 401 && refusal))
    return explainRefusal(
      refusal ?? { reason: 'there are no Box tokens in the keychain for this connection', oauth: null },
      ctx,
    );
  const id = r.requestId ? ` (request id ${r.requestId})` : '';
  return transportProblem(r, what, id) ?? documentedError(r, ctx, what, id) ?? byStatus(r, what, id);
}

/** The request never got a whole answer: a timeout, a broken connection, a cut-short body. */
function transportProblem(r: ProbeResponse, what: string, id: string): Explanation | null {
  if (r.problem === 'timeout' || r.problem === 'out_of_time')
    return {
      cause: `Box did not answer ${what} in time${id}.`,
      fix: 'Retry later; if Box stays slow, check status.box.com and your network or proxy.',
      actions: ['retry'],
    };
  if (r.problem === 'network')
    return {
      cause: `The connection to Box broke while asking for ${what} (${r.message ?? 'no answer'}).`,
      fix: 'Check the network or proxy, then run the test again.',
      actions: ['retry'],
    };
  if (r.problem === 'malformed')
    return {
      cause: `“${PARSE_FAILURE_TEXT}”: Box's answer to ${what} was cut short${id}, a transient internal error.`,
      fix: 'Run the test again.',
      actions: ['retry'],
    };
  return null;
}

/** The errors the connector documentation lists for Box, by their wording (or the 401 that means the last one). */
function documentedError(r: ProbeResponse, ctx: ExplainContext, what: string, id: string): Explanation | null {
  const status = r.status ?? 0;
  // The connector documentation's wordings, wherever Box puts them (message or code).
  const said = `${r.code ?? ''} ${r.message ?? ''}`;
  if (said.includes(PARSE_FAILURE_TEXT))
    return {
      cause: `“${PARSE_FAILURE_TEXT}” from Box for ${what}${id}: a transient internal error.`,
      fix: 'Run the test again.',
      actions: ['retry'],
    };
  if (/invalid_grant|Invalid refresh token/i.test(said)) {
    return {
      cause: `Box no longer accepts this sign-in (“${r.message ?? 'Invalid refresh token'}”)${id}: Box refresh tokens live 60 days and work once.`,
      fix: 'Connect again (Connect to Box > Sign in with Box).',
      actions: ['reconnect'],
      signInOver: true,
    };
  }
  if (said.includes(CANNOT_AUTHORIZE_TEXT)) {
    return {
      cause: `Box: “${CANNOT_AUTHORIZE_TEXT}”${id}. A Box admin removed the app, or unpublished apps are disabled and the app is not in “Except for” (wrong or missing key).`,
      fix: allowlistFix(ctx.dataCenter, ctx.clientId),
      actions: ['open_allowlist', 'reconnect'],
      appRefused: true,
    };
  }
  if (status === 401) {
    return {
      cause: `Box refused a freshly renewed token for ${what} (HTTP 401${r.code ? ` ${r.code}` : ''})${id}: the app was removed or is no longer allowed (“${CANNOT_AUTHORIZE_TEXT}”).`,
      fix: allowlistFix(ctx.dataCenter, ctx.clientId),
      actions: ['open_allowlist', 'reconnect'],
      appRefused: true,
    };
  }
  if (r.message?.includes(NO_ENTERPRISE_TEXT)) {
    return {
      cause: `Box: “${NO_ENTERPRISE_TEXT}”${id}. The account is not part of a Box Enterprise.`,
      fix: 'Upgrade the Box plan to one with an enterprise (Business or Enterprise), then connect again as its admin.',
      actions: ['reconnect'],
    };
  }
  return null;
}

/** Anything else, by HTTP status; unknown answers go to the help desk with Box's own code and message. */
function byStatus(r: ProbeResponse, what: string, id: string): Explanation {
  const status = r.status ?? 0;
  if (status === 403 && r.code === 'insufficient_scope') {
    return {
      cause: `The sign-in lacks a permission (scope) ${what} needs (HTTP 403 insufficient_scope)${id}.`,
      fix: "Check the Box app's scopes (manage enterprise properties, manage users, read all files), then connect again.",
      actions: ['reconnect'],
    };
  }
  if (status === 403) {
    return {
      cause: `Box refused ${what} (HTTP 403 ${r.code ?? ''}: ${r.message ?? 'access denied'})${id}.`,
      fix: 'Connect as the primary Box Admin, whose account has every right the connector needs.',
      actions: ['reconnect'],
    };
  }
  if (status === 429) {
    const after = r.headers?.get('retry-after');
    return {
      cause: `Box is rate-limiting this account (HTTP 429${after ? `, retry after ${after} s` : ''})${id}: Box allows about 1,000 requests per minute per user.`,
      fix: 'Wait a minute and run the test again; stop other tools using this account meanwhile.',
      actions: ['retry'],
    };
  }
  if (status >= 500) {
    return {
      cause: `Box's service had an error answering ${what} (HTTP ${status}${r.code ? ` ${r.code}` : ''})${id}.`,
      fix: 'Check Box\u2019s status (status.box.com) and retry later.',
      actions: ['retry'],
    };
  }
  return {
    cause: `Box answered ${what} with HTTP ${status}, code ${r.code ?? 'none'}: ${r.message ?? 'no message'}${id}.`,
    fix: 'Copy the diagnostics and send them to your help desk.',
    actions: ['copy_diagnostics', 'retry'],
  };
}
