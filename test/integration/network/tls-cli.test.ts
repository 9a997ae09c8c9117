/**
 * Issue 16, acceptance 2, with the proxy's own failures: against `sandbox --tls` (a certificate
 * from a private CA made for the run, as a TLS-inspecting proxy presents), `test` without the
 * CA exits 2 and the fix names the untrusted issuer, read from the certificate the server
 * presented (directly, and through the proxy's tunnel); with --ca-file it passes. A proxy that
 * wants a password (407) and one that is not there are named the same way, and the proxy's
 * password never shows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch as undiciFetch } from 'undici';
import { SANDBOX_CA_NAME } from '../../../main/core/sandbox/http/tls';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy';
import { makeTempHome } from '../../helpers/temp-home';
import { startSandboxProcess, type SandboxProcess } from '../../e2e/support/sandbox-process';
import { cli, connectCli, envWith, type CliRun } from './cli-support';

function networkCheck(run: CliRun): Record<string, unknown> {
  return run.lines.find((line) => line.id === 'network')!;
}

describe('the CLI against a sandbox with a private CA', () => {
  let sandbox: SandboxProcess;
  let caFile: string;
  let proxy: ForwardProxy;
  const temp = makeTempHome('bcc-net-tls-');
  const env = envWith();

  beforeAll(async () => {
    sandbox = await startSandboxProcess(['--files', '60', '--users', '6', '--tls']);
    caFile = (sandbox.info as unknown as { caFile: string }).caFile;
    proxy = await startForwardProxy({ credentials: 'alice:s3cret-pw' });
    const trusting = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } });
    const browser = (url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: trusting }) as unknown as Promise<Response>;
    const connected = await connectCli(temp.home, env, sandbox.info.apiUrl, browser, ['--ca-file', caFile]);
    if (connected.code !== 0) throw new Error(`connect failed: ${connected.stderr}`);
  }, 120_000);
  afterAll(async () => {
    await sandbox.stop();
    await proxy.close();
    temp.cleanup();
  });

  it('connect without the CA says why, in the network’s words (not “fetch failed”)', async () => {
    const other = makeTempHome('bcc-net-tls-noca-');
    try {
      const refused = await connectCli(other.home, env, sandbox.info.apiUrl, () => Promise.reject(new Error('unused')));
      expect(refused.code).toBe(1);
      const said = refused.stdout + refused.stderr;
      expect(said).toMatch(/self-signed certificate|unable to verify/);
      expect(said).not.toContain('fetch failed');
    } finally {
      other.cleanup();
    }
  }, 60_000);

  it('serves HTTPS and prints its CA file', () => {
    expect(sandbox.info.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(caFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('without the CA, test exits 2 and the fix names the untrusted issuer; with --ca-file it passes', async () => {
    const refused = await cli(temp.home, env, 'test', '--json');
    expect(refused.code).toBe(2);
    const network = networkCheck(refused);
    expect(network.status).toBe('fail');
    expect(network.fix).toContain(
      `The certificate for 127.0.0.1 was issued by '${SANDBOX_CA_NAME}', which this computer does not trust. Ask IT for that root certificate, or use the system certificate store`,
    );

    const trusted = await cli(temp.home, env, '--ca-file', caFile, 'test', '--json');
    expect(trusted.code, trusted.stdout).toBe(0);
    expect(networkCheck(trusted).summary).toContain('directly, no proxy');
  }, 120_000);

  it('through a proxy tunnel, reads the issuer the same way; a 407 and a missing proxy are named', async () => {
    const withPassword = proxy.url.replace('http://', 'http://alice:s3cret-pw@');
    const tunnelled = await cli(temp.home, env, '--proxy', withPassword, 'test', '--json');
    expect(tunnelled.code).toBe(2);
    expect(networkCheck(tunnelled).fix).toContain(`was issued by '${SANDBOX_CA_NAME}'`);
    expect(tunnelled.stdout).not.toContain('s3cret-pw');

    const passes = await cli(temp.home, env, '--proxy', withPassword, '--ca-file', caFile, 'test', '--json');
    expect(passes.code, passes.stdout).toBe(0);
    expect(networkCheck(passes).summary).toContain(`through the proxy ${proxy.url} (set by --proxy)`);
    expect(proxy.log.some((entry) => entry.method === 'CONNECT' && entry.status === 200)).toBe(true);

    const noPassword = await cli(temp.home, env, '--proxy', proxy.url, '--ca-file', caFile, 'test', '--json');
    expect(noPassword.code).toBe(2);
    expect(networkCheck(noPassword).summary).toContain('asks for a user name and password (HTTP 407');

    const gone = await cli(temp.home, env, '--proxy', 'http://127.0.0.1:9', '--ca-file', caFile, 'test', '--json');
    expect(gone.code).toBe(2);
    expect(networkCheck(gone).summary).toMatch(
      /^The proxy http:\/\/127\.0\.0\.1:9 could not be reached \(.*ECONNREFUSED/,
    );
  }, 240_000);
});
