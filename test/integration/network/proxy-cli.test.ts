/**
 * Issue 16, acceptance 1: through a forward proxy on 127.0.0.1, to a sandbox whose
 * --public-url host name only the proxy resolves, the CLI's connect, test and
 * `scan --until-idle` succeed, and the proxy saw every kind of request (the sandbox's info,
 * the token exchange and refresh-free API calls, downloads, the revoke). Since no one else can
 * resolve box-sandbox.test, a request that skipped the proxy would have failed. Without the
 * proxy settings, `test` exits 2 and its network check names the problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy';
import { makeTempHome } from '../../helpers/temp-home';
import { startSandboxProcess, type SandboxProcess } from '../../e2e/support/sandbox-process';
import { cli, connectCli, envWith } from './cli-support';

const HOST = 'box-sandbox.test';
// Each step is a real CLI process (several per test), on a machine shared with other work.

describe('the CLI through a forward proxy', () => {
  let proxy: ForwardProxy;
  let sandbox: SandboxProcess;
  const temp = makeTempHome('bcc-net-proxy-');

  beforeAll(async () => {
    proxy = await startForwardProxy({ hosts: { [HOST]: '127.0.0.1' } });
    sandbox = await startSandboxProcess(['--files', '120', '--users', '8', '--public-url', `http://${HOST}`]);
  });
  afterAll(async () => {
    await sandbox.stop();
    await proxy.close();
    temp.cleanup();
  });

  it('connect, test and scan --until-idle work through the proxy, which saw every request', async () => {
    expect(new URL(sandbox.info.apiUrl).hostname).toBe(HOST);
    const env = envWith({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    const browser = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
    const viaProxy = (url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: browser }) as unknown as Promise<Response>;

    const connected = await connectCli(temp.home, env, sandbox.info.apiUrl, viaProxy);
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.lines.at(-1)).toMatchObject({ status: 'connected' });

    const tested = await cli(temp.home, env, 'test', '--json');
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);
    const network = tested.lines.find((line) => line.id === 'network')!;
    expect(network.summary).toContain(`through the proxy ${proxy.url} (set by HTTP_PROXY)`);

    const scanned = await cli(temp.home, env, 'scan', '--until-idle', '--days', '1', '--json');
    expect(scanned.code, scanned.stderr).toBe(0);
    expect(await cli(temp.home, env, 'disconnect')).toMatchObject({ code: 0 });

    const seen = proxy.log.map((entry) => `${entry.method} ${entry.target}`);
    const origin = sandbox.info.apiUrl;
    for (const wanted of [
      `GET ${origin}/_sandbox/info`,
      `POST ${origin}/oauth2/token`,
      `GET ${origin}/2.0/users/me`,
      `GET ${origin}/2.0/users`,
      `GET ${origin}/2.0/folders/0/items`,
      `GET ${origin}/d/1/`,
      `POST ${origin}/oauth2/revoke`,
    ])
      expect(
        seen.some((line) => line.startsWith(wanted)),
        wanted,
      ).toBe(true);
    expect(proxy.log.every((entry) => entry.target.startsWith(origin))).toBe(true);
  }, 180_000);

  it('without the proxy settings, test exits 2 and names the network problem', async () => {
    // Signed in through the proxy (the first test disconnected), then tested without it.
    const connectedEnv = envWith({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    const browser = new ProxyAgent({ uri: proxy.url, proxyTunnel: false });
    const viaProxy = (url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher: browser }) as unknown as Promise<Response>;
    expect((await connectCli(temp.home, connectedEnv, sandbox.info.apiUrl, viaProxy)).code).toBe(0);

    const tested = await cli(temp.home, envWith(), 'test', '--json');
    expect(tested.code).toBe(2);
    const network = tested.lines.find((line) => line.id === 'network')!;
    expect(network.status).toBe('fail');
    expect(network.summary).toContain(`${HOST} could not be reached directly, without a proxy`);
    expect(network.summary).toMatch(/ENOTFOUND|getaddrinfo/);
    expect(network.fix).toContain('HTTPS_PROXY');
  }, 120_000);
});
