/**
 * The browser test harness: the real core plus the built renderer, served on 127.0.0.1, with
 * the bridge over a WebSocket guarded by a random per-run token. For development and tests
 * only; never packaged. Like the desktop app, it runs the core in its own process (a Node
 * child here, a utilityProcess there) and only relays the bridge to it.
 *
 *   npm run harness -- [--home DIR] [--port N]
 *
 * Prints one JSON line {"url", "home", "corePid"} on stdout when ready; on SIGINT/SIGTERM it
 * stops the core process (scan stopped, SQLite closed) before exiting.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveHome } from '../core/home';
import { forkNodeCore } from '../core/process/fork-node-core';
import { staticFileHandler } from './static-files';
import { attachWsTransport } from './ws-transport';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rendererRoot = join(repoRoot, 'out', 'renderer');

function fail(message: string): never {
  process.stderr.write(`harness: ${message}\n`);
  process.exit(2);
}

function options() {
  try {
    const { values } = parseArgs({ options: { home: { type: 'string' }, port: { type: 'string' } }, strict: true });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`--port must be a whole number from 0 to 65535, not ${values.port}`);
    return { home: resolveHome(values.home), port };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const { home, port } = options();
  if (!existsSync(join(rendererRoot, 'index.html'))) fail('out/renderer is missing: run `npm run build` first.');

  const log = (line: string) => void process.stderr.write(line + '\n');
  const core = forkNodeCore({
    home,
    runtime: 'harness',
    // Tests and remote shells follow the waiting screen's link; a person can follow this one.
    host: { openBrowser: (url) => log(`Sign in to Box at: ${url}`) },
    onExit: ({ code, signal, expected }) => {
      if (!expected)
        log(
          `harness: the core process died (${signal ?? `exit code ${code}`}); bridge calls now fail with core_unavailable`,
        );
    },
  });
  const corePid = await core.client.ready.catch((error: unknown) =>
    fail(`the core process did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  const token = randomBytes(24).toString('base64url');
  const server = createServer(staticFileHandler(rendererRoot));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const transport = attachWsTransport(server, { backend: core.client, token, allowedOrigin: origin, log });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolvePromise);
  });
  // The token travels in the fragment, which the browser never sends to a server.
  process.stdout.write(JSON.stringify({ url: `${origin()}/#bridge-token=${token}`, home, corePid }) + '\n');

  const stop = async () => {
    transport.close();
    const gone = await core.stop();
    if (gone.code !== 0)
      log(`harness: the core process stopped uncleanly (${gone.signal ?? `exit code ${gone.code}`})`);
    server.closeAllConnections();
    server.close(() => process.exit(gone.code === 0 ? 0 : 1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
