/**
 * The connection part of the bridge contract: choosing Box or the sandbox, signing in and out.
 * Spread into contract.ts. Runs everywhere.
 */
import { z } from 'zod';
import type { ConnectionState } from '../connection';
import { noArgs } from './no-args';

export const connectionCallArgs = {
  getConnection: noArgs,
  /** Starts (or restarts) the in-app sandbox enterprise with a seed, and points the connection at it. */
  useSandboxEnterprise: z
    .object({
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1),
      role: z.enum(['admin', 'coadmin', 'user']).default('admin'),
    })
    .strict(),
  /** The admin's own Box app; the secret goes straight to the keychain. */
  registerBoxApp: z
    .object({
      clientId: z
        .string()
        .trim()
        .regex(/^[a-z0-9]{32}$/, 'a Box client ID is 32 lowercase letters and digits'),
      clientSecret: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{32}$/, 'a Box client secret is 32 letters and digits'),
      redirectPort: z.number().int().min(1024).max(65535).nullable().default(null),
    })
    .strict(),
  connect: noArgs,
  cancelSignIn: noArgs,
  disconnect: noArgs,
};

export interface SandboxSummary {
  apiUrl: string;
  seed: number;
  users: number;
  files: number;
  role: 'admin' | 'coadmin' | 'user';
}

export interface ConnectionCallResults {
  /** `app`: the Box app (or sandbox) sign-in will use, once chosen. */
  getConnection: {
    state: ConnectionState;
    sandbox: SandboxSummary | null;
    app: { target: 'box' | 'sandbox'; clientId: string } | null;
  };
  useSandboxEnterprise: SandboxSummary;
  registerBoxApp: ConnectionState;
  connect: ConnectionState;
  cancelSignIn: ConnectionState;
  disconnect: { revoked: boolean };
}
