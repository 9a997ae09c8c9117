/**
 * The browser test harness: the real core plus the built renderer, served on 127.0.0.1, with
 * the bridge over a WebSocket guarded by a random per-run token. For development and tests
 * only; never packaged.
 *
 *   npm run harness -- [--home DIR] [--port N]
 *
 * Prints one JSON line {"url": "..."} on stdout when ready; stops cleanly on SIGINT/SIGTERM.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createNodeCore } from '../core/create-node-core';
import { resolveHome } from '../core/home';
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
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not ${values.port}`);
    return { home: resolveHome(values.home), port };
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<void> {
  const { home, port } = options();
  if (!existsSync(join(rendererRoot, 'index.html'))) fail('out/renderer is missing: run `npm run build` first.');

  const core = createNodeCore(home, 'harness');
  const token = randomBytes(24).toString('base64url');
  const server = createServer(staticFileHandler(rendererRoot));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const transport = attachWsTransport(server, { core, token, allowedOrigin: origin, log: (line) => process.stderr.write(line + '\n') });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolvePromise);
  });
  // The token travels in the fragment, which the browser never sends to a server.
  process.stdout.write(JSON.stringify({ url: `${origin()}/#bridge-token=${token}`, home }) + '\n');

  const stop = () => {
    transport.close();
    core.dispose();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
