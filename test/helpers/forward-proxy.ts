/**
 * A small forward proxy on 127.0.0.1 for the network tests, as a corporate one behaves: CONNECT
 * tunnels (https) and absolute-URI requests (http), with its own name resolution (made-up names
 * such as box-sandbox.test resolve here only, so a client that skips the proxy cannot reach
 * them), optional Basic proxy authentication (407 otherwise), and a log of every request.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyLogEntry {
  method: string;
  /** The absolute URL (http) or host:port (CONNECT). */
  target: string;
  /** The answer the proxy gave: 407, 502, or the upstream's status (0 while a tunnel is open). */
  status: number;
}

export interface ForwardProxyOptions {
  /** Names only this proxy resolves, to the address they stand for. */
  hosts?: Record<string, string>;
  /** "user:password": anything else gets 407. */
  credentials?: string;
}

export interface ForwardProxy {
  url: string;
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

function resolveHost(hostname: string, options: ForwardProxyOptions): string {
  return options.hosts?.[hostname.toLowerCase()] ?? hostname;
}

function authorised(req: IncomingMessage, options: ForwardProxyOptions): boolean {
  if (!options.credentials) return true;
  return req.headers['proxy-authorization'] === `Basic ${Buffer.from(options.credentials).toString('base64')}`;
}

function forward(req: IncomingMessage, res: ServerResponse, options: ForwardProxyOptions, log: ProxyLogEntry[]) {
  const entry: ProxyLogEntry = { method: req.method ?? 'GET', target: req.url ?? '', status: 0 };
  log.push(entry);
  if (!authorised(req, options)) {
    entry.status = 407;
    res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"' }).end();
    return;
  }
  const url = new URL(req.url ?? '');
  const headers = { ...req.headers };
  delete headers['proxy-authorization'];
  delete headers['proxy-connection'];
  const upstream = httpRequest(
    {
      host: resolveHost(url.hostname, options),
      port: url.port || 80,
      path: url.pathname + url.search,
      method: req.method,
      headers,
    },
    (answer) => {
      entry.status = answer.statusCode ?? 0;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    entry.status = 502;
    if (!res.headersSent) res.writeHead(502).end();
    else res.destroy();
  });
  req.pipe(upstream);
}

function tunnel(
  req: IncomingMessage,
  client: Socket,
  head: Buffer,
  options: ForwardProxyOptions,
  log: ProxyLogEntry[],
) {
  const entry: ProxyLogEntry = { method: 'CONNECT', target: req.url ?? '', status: 0 };
  log.push(entry);
  if (!authorised(req, options)) {
    entry.status = 407;
    client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\n\r\n');
    return;
  }
  const [hostname = '', port = '443'] = (req.url ?? '').split(':');
  const upstream = connect(Number(port), resolveHost(hostname, options), () => {
    entry.status = 200;
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => {
    entry.status = 502;
    client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  client.on('error', () => upstream.destroy());
}

export async function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => forward(req, res, options, log));
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => tunnel(req, client, head, options, log));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
