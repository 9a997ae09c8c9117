/**
 * The diagnostics bundle for the help desk: the last test, settings, app, OS and Electron
 * versions, the connection (who, where; no tokens) and recent errors. Secrets are removed
 * twice over: by field name (tokens, secrets, Authorization headers) and by value
 * (the tokens and client secret this connection holds now, and anything shaped like a
 * bearer header), so a secret that slipped into a message is still caught.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, hostname, release, type as osType } from 'node:os';
import { dirname } from 'node:path';
import type { Settings } from '../../../common/settings';
import type { ConnectionManager } from '../connection/connection-manager';
import { APP_NAME, APP_VERSION } from '../version';
import { loadLastResult, loadRecentErrors } from './store';

export const REMOVED = '[removed]';
const SECRET_KEYS =
  /^(access_?token|refresh_?token|client_?secret|authorization|token|code_verifier|password|cookie|set-cookie|secret)$/i;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const FORM_SECRET = /\b(access_token|refresh_token|client_secret|code|code_verifier|token)=([^&\s"]+)/gi;

export interface DiagnosticsDeps {
  home: string;
  runtime: string;
  connection: ConnectionManager;
  settings: () => Settings;
}

/** Deep copy with secret fields and values replaced. */
export function scrub(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    let text = value.replace(BEARER, `$1 ${REMOVED}`).replace(FORM_SECRET, `$1=${REMOVED}`);
    for (const secret of secrets) if (secret.length >= 8) text = text.split(secret).join(REMOVED);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = SECRET_KEYS.test(key) && v !== null ? REMOVED : scrub(v, secrets);
    return out;
  }
  return value;
}

export async function buildDiagnostics(deps: DiagnosticsDeps): Promise<Record<string, unknown>> {
  const profile = deps.connection.profile();
  const state = await deps.connection.state();
  const bundle = {
    kind: 'box-connect-companion-diagnostics',
    generatedAt: new Date().toISOString(),
    app: { name: APP_NAME, version: APP_VERSION, runtime: deps.runtime },
    system: {
      os: osType(),
      /** The help desk's "from <machine>" when it opens the bundle. */
      hostname: hostname(),
      platform: process.platform,
      release: release(),
      arch: arch(),
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
    },
    settings: deps.settings(),
    connection: {
      state,
      target: profile?.target ?? null,
      endpoints: profile?.endpoints ?? null,
      clientId: profile?.clientId ?? null,
    },
    lastTest: loadLastResult(deps.home),
    recentErrors: loadRecentErrors(deps.home),
  };
  return scrub(bundle, await deps.connection.secretsToScrub()) as Record<string, unknown>;
}

export async function diagnosticsText(deps: DiagnosticsDeps): Promise<string> {
  return JSON.stringify(await buildDiagnostics(deps), null, 2) + '\n';
}

export async function writeDiagnostics(deps: DiagnosticsDeps, path: string): Promise<{ path: string; bytes: number }> {
  const text = await diagnosticsText(deps);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
  return { path, bytes: Buffer.byteLength(text) };
}
