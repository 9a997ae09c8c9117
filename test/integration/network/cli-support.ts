/** Real `box-companion` processes for the network tests: a clean proxy environment, connect driven headlessly. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { consentInSandbox } from '../../helpers/headless-consent';

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/** This process's environment without any proxy setting, plus `extra`. */
export function envWith(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of PROXY_VARIABLES) delete env[name];
  delete env.NODE_EXTRA_CA_CERTS;
  return { ...env, ...extra };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: Record<string, unknown>[];
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Async: the proxy and the consent answer from this very process. */
export async function cli(home: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, ['main/cli/bin.mjs', '--home', home, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr, lines: jsonLines(stdout) };
}

/**
 * `connect --sandbox-url URL --no-browser --json`, with the consent played by `browserFetch`
 * (the admin's browser, which reaches the sandbox the same way).
 */
export async function connectCli(
  home: string,
  env: NodeJS.ProcessEnv,
  apiUrl: string,
  browserFetch: (url: string, init: RequestInit) => Promise<Response>,
  extraArgs: string[] = [],
  options: { timeoutSeconds?: number; consent?: (authorizeUrl: string) => Promise<unknown> } = {},
): Promise<CliRun> {
  const timeout = options.timeoutSeconds ? ['--timeout', String(options.timeoutSeconds)] : [];
  const child = spawn(
    process.execPath,
    [
      'main/cli/bin.mjs',
      '--home',
      home,
      ...extraArgs,
      'connect',
      '--sandbox-url',
      apiUrl,
      '--no-browser',
      '--json',
      ...timeout,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => (stdout += `${line}\n`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    exited.then(() => ''),
  ]);
  if (first.includes('authorizeUrl')) {
    const { authorizeUrl } = JSON.parse(first) as { authorizeUrl: string };
    await (options.consent ?? ((url: string) => consentInSandbox(url, { fetch: browserFetch })))(authorizeUrl);
  }
  const code = await exited;
  return { code, stdout, stderr, lines: jsonLines(stdout) };
}
