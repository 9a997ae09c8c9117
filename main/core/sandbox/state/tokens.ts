/**
 * Authorization codes and tokens, with their whole life kept (used, revoked, expired) so the
 * control API can show tests where every token ended up.
 */
import { randomBytes } from 'node:crypto';

export type TokenKind = 'access' | 'refresh';
export type TokenState = 'active' | 'used' | 'revoked' | 'expired';

export interface TokenRecord {
  value: string;
  kind: TokenKind;
  userIndex: number;
  clientId: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  /** 'used' only for refresh tokens (single use); 'revoked' by /oauth2/revoke or the control API. */
  state: 'active' | 'used' | 'revoked';
  /** Every token descended from one consent shares a grant id: revoke ends the whole grant. */
  grantId: number;
  reason?: string;
  /** How many times a refresh token was presented to /oauth2/token (Box allows one use). */
  presented?: number;
  /** Refresh tokens: the pair this token was exchanged for (see `replayablePair`). */
  successor?: { access: string; refresh: string };
  /** Access tokens: set once the token authenticated an API call. */
  usedByApi?: boolean;
}

export interface AuthCode {
  code: string;
  clientId: string;
  userIndex: number;
  redirectUri: string;
  scopes: string[];
  challenge: string | null;
  challengeMethod: 'S256' | 'plain';
  expiresAt: number;
  used: boolean;
}

export const CODE_TTL_MS = 30_000;
export const REFRESH_TTL_MS = 60 * 86_400_000;

export function randomToken(len = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(len * 2);
  let out = '';
  // Rejection sampling keeps the alphabet uniform (256 is not a multiple of 62).
  for (const b of bytes) {
    if (b < 248) out += alphabet[b % 62];
    if (out.length === len) return out;
  }
  return out + randomToken(len - out.length);
}

export class TokenStore {
  readonly tokens = new Map<string, TokenRecord>();
  readonly codes = new Map<string, AuthCode>();
  /** One-time nonces of rendered consent forms: a page elsewhere cannot post a consent. */
  readonly consentNonces = new Map<string, number>();
  private grantSeq = 0;

  newGrantId(): number {
    return ++this.grantSeq;
  }

  issuePair(userIndex: number, clientId: string, scopes: string[], grantId: number, now: number, accessTtlMs: number) {
    const access: TokenRecord = {
      value: randomToken(),
      kind: 'access',
      userIndex,
      clientId,
      scopes,
      issuedAt: now,
      expiresAt: now + accessTtlMs,
      state: 'active',
      grantId,
    };
    const refresh: TokenRecord = {
      value: randomToken(64),
      kind: 'refresh',
      userIndex,
      clientId,
      scopes,
      issuedAt: now,
      expiresAt: now + REFRESH_TTL_MS,
      state: 'active',
      grantId,
    };
    this.tokens.set(access.value, access);
    this.tokens.set(refresh.value, refresh);
    return { access, refresh };
  }

  /**
   * Box's grace for a spent refresh token: presenting it again returns the very pair it was
   * exchanged for, as long as that pair has not been put to use (its access token never
   * authenticated a call, its refresh token never presented). Box staff describe this as by
   * design, "to avoid a race condition when refreshing tokens" (Box Community, "OAuth refresh
   * token usage"); Kloudless observed that using the new bearer token is what invalidates the
   * old refresh token. It is what lets a client that died before saving Box's answer recover.
   */
  replayablePair(old: TokenRecord, now: number): { access: TokenRecord; refresh: TokenRecord } | null {
    if (old.kind !== 'refresh' || old.state !== 'used' || !old.successor) return null;
    const access = this.tokens.get(old.successor.access);
    const refresh = this.tokens.get(old.successor.refresh);
    if (!access || !refresh || access.usedByApi || (refresh.presented ?? 0) > 0) return null;
    if (this.stateOf(access, now) === 'revoked' || this.stateOf(refresh, now) !== 'active') return null;
    return { access, refresh };
  }

  stateOf(t: TokenRecord, now: number): TokenState {
    if (t.state !== 'active') return t.state;
    return now >= t.expiresAt ? 'expired' : 'active';
  }

  revokeGrant(grantId: number, reason: string): number {
    return this.revokeWhere((t) => t.grantId === grantId, reason);
  }

  revokeWhere(pred: (t: TokenRecord) => boolean, reason: string): number {
    let n = 0;
    for (const t of this.tokens.values()) {
      if (t.state === 'active' && pred(t)) {
        t.state = 'revoked';
        t.reason = reason;
        n++;
      }
    }
    return n;
  }

  expireWhere(pred: (t: TokenRecord) => boolean, now: number): number {
    let n = 0;
    for (const t of this.tokens.values()) {
      if (t.state === 'active' && now < t.expiresAt && pred(t)) {
        t.expiresAt = now - 1;
        n++;
      }
    }
    return n;
  }
}
