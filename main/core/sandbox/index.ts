/**
 * The built-in sandbox Box enterprise: startSandbox() builds a seeded enterprise and serves it
 * on 127.0.0.1 with Box's API shapes, so the official SDK works against it unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEnterprise } from './generator/enterprise';
import { startServer, type ServeOptions } from './http/server';
import { makeSandboxTls } from './http/tls';
import { defaultSignInUser } from './routes/authorize';
import { LiveActivity } from './state/activity';
import { World } from './state/world';
import {
  APP_NAME,
  DEFAULT_REDIRECT_URI,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  type RunningSandbox,
  type SandboxInfo,
  type SandboxOptions,
} from './types';

export * from './types';

export const DEFAULTS = { users: 50, files: 5000, seed: 1, tokenTtlSeconds: 3600 } as const;
export const LIMITS = { users: [4, 100_000], files: [0, 10_000_000] } as const;

function int(v: number | undefined, def: number, [min, max]: readonly [number, number], name: string): number {
  const n = v ?? def;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** --public-url and --tls as the server takes them; the CA goes to a file of its own, removed on close. */
async function serveOptions(
  options: SandboxOptions,
): Promise<{ serve: ServeOptions; caFile?: string; dispose(): void }> {
  if (!options.tls) return { serve: { publicUrl: options.publicUrl }, dispose: () => undefined };
  const hostname = options.publicUrl ? new URL(options.publicUrl).hostname : '127.0.0.1';
  const tls = await makeSandboxTls(hostname);
  const dir = mkdtempSync(join(tmpdir(), 'box-sandbox-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, tls.caCert, { mode: 0o644 });
  return {
    serve: { publicUrl: options.publicUrl, tls: { key: tls.key, cert: tls.cert } },
    caFile,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const users = int(options.users, DEFAULTS.users, LIMITS.users, 'users');
  const files = int(options.files, DEFAULTS.files, LIMITS.files, 'files');
  const seed = int(options.seed, DEFAULTS.seed, [0, 0xffffffff], 'seed');
  const ttl = int(options.tokenTtlSeconds, DEFAULTS.tokenTtlSeconds, [1, 366 * 86_400], 'tokenTtlSeconds');
  const now = options.now ?? Date.now;
  const ent = buildEnterprise({
    seed,
    users,
    files,
    bigFolderFiles: options.bigFolderFiles,
    mix: options.mix,
    historyEnd: now(),
  });
  const world = new World(
    ent,
    {
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      name: APP_NAME,
      redirectUris: options.redirectUris ?? [DEFAULT_REDIRECT_URI],
      scopes: new Set(['root_readwrite', 'manage_managed_users', 'manage_groups', 'manage_enterprise_properties']),
      asUserEnabled: true,
      disabledByAdmin: false,
      accessTtlMs: ttl * 1000,
    },
    {
      hasEnterprise: options.enterprise !== false,
      restrictUnpublished: options.restrictUnpublished === true,
      allowedClientIds: new Set(options.allowedClientIds ?? []),
    },
    now,
  );
  world.rateLimitPerSecond = options.rateLimitPerSecond ?? 0;
  world.faults.latencyMs = options.latencyMs ?? 0;
  const role = options.enterprise === false ? 'user' : (options.role ?? 'admin');
  const live = new LiveActivity(world);
  let published: SandboxInfo | null = null;
  const served = await serveOptions(options);
  const srv = await startServer(
    { world, live, signInUser: () => defaultSignInUser(world, role), info: () => published },
    options.port ?? 0,
    served.serve,
  );
  live.start(options.activityPerSecond ?? 0);
  const signIn = defaultSignInUser(world, role);
  const o = srv.origin;
  const info: SandboxInfo = {
    apiUrl: o,
    uploadUrl: `${o}/api`,
    authorizeUrl: `${o}/api/oauth2/authorize`,
    tokenUrl: `${o}/oauth2/token`,
    revokeUrl: `${o}/oauth2/revoke`,
    controlUrl: `${o}/_sandbox`,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_CLIENT_SECRET,
    redirectUri: world.app.redirectUris[0] ?? DEFAULT_REDIRECT_URI,
    seed,
    users,
    files,
    oauth2Url: `${o}/api/oauth2`,
    enterpriseId: world.settings.hasEnterprise ? ent.identity.id : null,
    signInUserId: ent.users[signIn]?.id ?? '',
    signInRole: world.roleOf(signIn),
    ...(served.caFile ? { caFile: served.caFile } : {}),
  };
  published = info;
  return {
    info,
    async close() {
      live.stop();
      await srv.close();
      served.dispose();
    },
  };
}
