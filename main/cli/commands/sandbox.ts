/**
 * `box-companion sandbox`: serves the built-in sandbox Box enterprise on 127.0.0.1 until
 * SIGINT/SIGTERM. When ready it prints exactly one JSON line on stdout (always JSON, so scripts
 * and tests can read it with or without --json); notes for people go to stderr.
 */
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from '../command';
import { EXIT_CODES } from '../command';
import { DEFAULTS, LIMITS, startSandbox, type SandboxOptions } from '../../core/sandbox';

const USAGE = `Usage: box-companion sandbox [options]

Serves a whole Box enterprise on 127.0.0.1 that the official Box SDK works against unchanged.
Prints one JSON line with apiUrl, authorizeUrl, tokenUrl, controlUrl, clientId, clientSecret...
then serves until interrupted (Ctrl+C).

Options:
  --port N                 port to listen on (0 = any free port; default 0)
  --users N                users in the enterprise (default ${DEFAULTS.users}, ${LIMITS.users[0]}..${LIMITS.users[1]})
  --files N                files in the enterprise (default ${DEFAULTS.files}, up to ${LIMITS.files[1]})
  --seed N                 generator seed: same seed, same enterprise (default ${DEFAULTS.seed})
  --role admin|coadmin|user
                           role of the account pre-selected on the consent page (default admin)
  --no-enterprise          the account belongs to no enterprise
  --restrict-unpublished   "Disable unpublished apps by default" is on
  --allow CLIENT_ID        a client ID the admin enabled (repeatable)
  --rate-limit N           requests per second per user (default: unlimited)
  --mix documents|metadata documents (default) or metadata: every document an image, no content to extract
  --latency MS             added to every API response
  --activity N             live events per second (default 0)
  --token-ttl SECONDS      access-token lifetime (default 3600)
  --public-url URL         advertise this base address instead of 127.0.0.1 (authorize, API,
                           upload and download URLs), e.g. http://box-sandbox.test for a name
                           only a proxy resolves; without a port, the listening one
  --tls                    serve HTTPS with a certificate from a private CA made for this run;
                           the ready line's caFile is that CA's PEM file

Control API (POST, JSON body, from 127.0.0.1 only; controlUrl in the ready line):
  /_sandbox/faults {latency_ms, error_rate, drop_rate, malformed_rate}
                           drawn faults on /2.0: added latency, 5xx, dropped connections and
                           malformed bodies at the given rates (0..1)
  /_sandbox/faults {fail_items: [{type: "folder"|"file", id}]}
                           those items answer 500 forever (listing, info, collaborations,
                           content) until cleared with {fail_items: []}
  /_sandbox/outage {seconds: N}
                           a network outage: every /2.0 request and download URL has its
                           connection dropped for N seconds; {seconds: 0} ends it
  /_sandbox/tokens/revoke, /_sandbox/tokens/expire {token | user_id | kind}
                           end or expire sign-ins
  /_sandbox/activity {file_id | folder_id, event_type, ...}, /_sandbox/activity/stream,
  /_sandbox/users/ID/role, /_sandbox/app, /_sandbox/enterprise, /_sandbox/limits, /_sandbox/clock
  GET /_sandbox/truth      the enterprise's ground truth (counts, users, settings, faults)`;

class UsageError extends Error {}

function intOpt(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got '${v}')`);
  return Number(v);
}

function publicUrlOpt(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new UsageError(`--public-url must be a URL such as http://box-sandbox.test (got '${v}')`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/')
    throw new UsageError(`--public-url takes a scheme, a host and a port only (got '${v}')`);
  return v;
}

function mixOpt(value: string | undefined): 'documents' | 'metadata' | undefined {
  if (value === undefined || value === 'documents' || value === 'metadata') return value;
  throw new UsageError(`--mix must be documents or metadata (got '${value}')`);
}

export function parseSandboxArgs(argv: string[]): SandboxOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        users: { type: 'string' },
        files: { type: 'string' },
        seed: { type: 'string' },
        role: { type: 'string' },
        'no-enterprise': { type: 'boolean' },
        'restrict-unpublished': { type: 'boolean' },
        allow: { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        mix: { type: 'string' },
        latency: { type: 'string' },
        activity: { type: 'string' },
        'token-ttl': { type: 'string' },
        'public-url': { type: 'string' },
        tls: { type: 'boolean' },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const role = values.role;
  if (role !== undefined && role !== 'admin' && role !== 'coadmin' && role !== 'user')
    throw new UsageError(`--role must be admin, coadmin or user (got '${role}')`);
  for (const id of values.allow ?? [])
    if (!/^[a-z0-9]{32}$/.test(id))
      throw new UsageError(`--allow takes a Box client ID: 32 lowercase letters and digits (got '${id}')`);
  return {
    port: intOpt(values.port, 'port', 0, 65535),
    users: intOpt(values.users, 'users', LIMITS.users[0], LIMITS.users[1]),
    files: intOpt(values.files, 'files', LIMITS.files[0], LIMITS.files[1]),
    seed: intOpt(values.seed, 'seed', 0, 0xffffffff),
    role,
    enterprise: values['no-enterprise'] ? false : true,
    restrictUnpublished: values['restrict-unpublished'] === true,
    allowedClientIds: values.allow ?? [],
    rateLimitPerSecond: intOpt(values['rate-limit'], 'rate-limit', 1, 1_000_000),
    latencyMs: intOpt(values.latency, 'latency', 0, 60_000),
    activityPerSecond: intOpt(values.activity, 'activity', 0, 10_000),
    tokenTtlSeconds: intOpt(values['token-ttl'], 'token-ttl', 1, 366 * 86_400),
    publicUrl: publicUrlOpt(values['public-url']),
    tls: values.tls === true,
    mix: mixOpt(values.mix),
  };
}

const command: CliCommand = {
  name: 'sandbox',
  summary: 'Serve a built-in sandbox Box enterprise on 127.0.0.1 (for trying, rehearsing and testing)',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    let options: SandboxOptions;
    try {
      options = parseSandboxArgs(ctx.argv);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.out.error(`sandbox: ${e.message}\n\n${USAGE}`, 'usage');
      return EXIT_CODES.usage;
    }
    let sandbox;
    try {
      sandbox = await startSandbox(options);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      ctx.out.error(
        `sandbox: could not start: ${message}`,
        /EADDRINUSE|EACCES/.test(message) ? 'unavailable' : 'internal',
      );
      return /EADDRINUSE|EACCES/.test(message) ? EXIT_CODES.unavailable : EXIT_CODES.internal;
    }
    const { info } = sandbox;
    // The ready line is JSON in both modes: it is what scripts wait for.
    ctx.out.result({ ...info }, JSON.stringify(info));
    ctx.out.info(
      `Sandbox enterprise ready at ${info.apiUrl} (${info.users} users, ${info.files} files, seed ${info.seed}).`,
    );
    ctx.out.info(
      `Sign in: ${info.authorizeUrl}?response_type=code&client_id=${info.clientId}&redirect_uri=${encodeURIComponent('http://127.0.0.1:8080/callback')}`,
    );
    ctx.out.info('Press Ctrl+C to stop.');
    const signal = await ctx.stopSignal;
    await sandbox.close();
    ctx.out.info(`Sandbox stopped (${signal}).`);
    return EXIT_CODES.ok;
  },
};

export default command;
