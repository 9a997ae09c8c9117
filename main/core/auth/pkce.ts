/**
 * PKCE (RFC 7636, S256) and the OAuth `state`, from the OS's cryptographic random source.
 * Box does not document PKCE but accepts it; sending it costs nothing and protects the code.
 */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes → 43 base64url characters: inside RFC 7636's 43–128 range. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 256 bits of state: far above the 128 the issue asks for, and unguessable. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
