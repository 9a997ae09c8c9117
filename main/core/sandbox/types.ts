/** Public types of the sandbox: what callers pass in and get back. */
import type { Role } from './generator/users';

export type { Role };

export interface SandboxOptions {
  /** 0 (default) = any free port. The server binds 127.0.0.1 only. */
  port?: number;
  users?: number;
  files?: number;
  seed?: number;
  /** Role of the account pre-selected on the consent page (admin: primary admin). */
  role?: Role;
  /** false = the account belongs to no enterprise (a personal Box account). */
  enterprise?: boolean;
  /** "Disable unpublished apps by default" is on. */
  restrictUnpublished?: boolean;
  /** Client IDs an admin enabled ("Except for" list). */
  allowedClientIds?: string[];
  /** Requests per second per user (token bucket); undefined/0 = unlimited. */
  rateLimitPerSecond?: number;
  /** Added to every /2.0 response. */
  latencyMs?: number;
  /** Background live events per second (0 = none). */
  activityPerSecond?: number;
  /** Access-token lifetime; Box's is 3600. */
  tokenTtlSeconds?: number;
  /** Files in the big folder (default: 2,500 from 3,000 files, 5,000 from 100,000). */
  bigFolderFiles?: number;
  /** Redirect URIs registered for the sandbox app (default http://127.0.0.1/callback). */
  redirectUris?: string[];
  /** 'metadata': documents become images, so a scan extracts no content (engine-scale benchmarks). */
  mix?: 'documents' | 'metadata';
  /** Clock for tests; the control API can also move it (POST /_sandbox/clock). */
  now?: () => number;
  /**
   * The base address every URL it hands out uses (authorize, API, upload, download redirects),
   * for example a name only a proxy resolves; without a port, the listening one. It still
   * listens on 127.0.0.1 only.
   */
  publicUrl?: string;
  /** Serve HTTPS with a certificate from a private CA made for this run (its file: `caFile`). */
  tls?: boolean;
}

export interface SandboxInfo {
  /** SDK baseUrl: the origin, without /2.0. */
  apiUrl: string;
  uploadUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  controlUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  seed: number;
  users: number;
  files: number;
  /** SDK oauth2Url (Box: https://account.box.com/api/oauth2). */
  oauth2Url: string;
  enterpriseId: string | null;
  /** The account pre-selected on the consent page. */
  signInUserId: string;
  signInRole: Role;
  /** With tls: the PEM file of the private CA that signed the sandbox's certificate. */
  caFile?: string;
}

export interface RunningSandbox {
  info: SandboxInfo;
  close(): Promise<void>;
}

export const SANDBOX_CLIENT_ID = 'sbx7c0nn3ct0r4pp5and60x2k9q1w8e3';
export const SANDBOX_CLIENT_SECRET = 'Sbx9TqL2vW7nR4xK8mP3zH6cJ1dF5gA0';
export const DEFAULT_REDIRECT_URI = 'http://127.0.0.1/callback';
export const APP_NAME = 'Box Connect Companion';
