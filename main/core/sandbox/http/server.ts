/**
 * The sandbox's HTTP server: one origin on 127.0.0.1 for /2.0, the upload base /api/2.0, /oauth2,
 * the consent page, download URLs and the control API. /2.0 requests go through an outage set by hand → drawn
 * faults → bearer auth → As-User → rate limit → items made to fail, in that order, like a
 * gateway in front of Box's services.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { World } from '../state/world';
import { boxError, sendJson, type Ctx } from './context';
import { authenticate } from './auth';
import { FaultInjector, ManualFaults, RateLimiter } from './limits';
import { RequestTally } from './request-tally';
import { ParamError, sendParamError } from './params';
import { Router } from './router';
import { getMe, getUser, listUsers } from '../routes/users';
import { groupMemberships, listGroups } from '../routes/groups';
import { createFolder, folderCollaborations, getFolder, listItems } from '../routes/folders';
import { uploadFile, uploadFileVersion } from '../routes/uploads';
import { representationContent, representationInfo } from '../routes/representations';
import { download, fileCollaborations, fileContent, getFile } from '../routes/files';
import { getEvents } from '../routes/events';
import { deleteFile, getTrashedFile, restoreTrashedFile, updateFile } from '../routes/file-changes';
import { createCollaboration, deleteCollaboration } from '../routes/collaborations';
import { revoke, token } from '../routes/oauth';
import { authorizePage, authorizeSubmit } from '../routes/authorize';
import {
  control,
  downloadStats,
  listTokens,
  truth,
  truthEvents,
  truthFile,
  truthFiles,
  type ControlDeps,
} from '../routes/control';
import type { LiveActivity } from '../state/activity';

export interface ServerDeps {
  world: World;
  live: LiveActivity;
  signInUser: () => number;
  /** What `box-companion sandbox` printed, for clients given only the API URL (connect --sandbox-url). */
  info?: () => unknown;
}

export interface StartedServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The base address to advertise (a name only a proxy resolves, say); its port defaults to the listening one. */
  publicUrl?: string;
  /** Serve HTTPS with this key and certificate (sandbox --tls). */
  tls?: { key: string; cert: string };
}

function listen(handler: RequestListener, tls: ServeOptions['tls']): Server {
  return tls ? createHttpsServer({ ...tls, keepAlive: true }, handler) : createServer({ keepAlive: true }, handler);
}

/** What every URL the sandbox hands out starts with: the public URL (with the port filled in) or 127.0.0.1. */
export function advertisedOrigin(port: number, options: ServeOptions): string {
  const scheme = options.tls ? 'https' : 'http';
  if (!options.publicUrl) return `${scheme}://127.0.0.1:${port}`;
  const url = new URL(options.publicUrl);
  url.protocol = `${scheme}:`;
  if (!url.port) url.port = String(port);
  return url.origin;
}

export async function startServer(deps: ServerDeps, port: number, options: ServeOptions = {}): Promise<StartedServer> {
  const { world } = deps;
  const limiter = new RateLimiter(world);
  const manual = new ManualFaults();
  const tally = new RequestTally();
  const gateway: Gateway = {
    world,
    limiter,
    manual,
    faults: new FaultInjector(world),
    tally,
    api: apiRoutes(),
    other: otherRoutes(deps, { live: deps.live, limiter, manual }, tally),
    origin: '',
    idPrefix: randomBytes(4).toString('hex'),
    seq: 0,
  };
  const server = listen((req, res) => {
    handle(gateway, req, res).catch((e: unknown) => sendFailure(gateway, req, res, e));
  }, options.tls);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  gateway.origin = advertisedOrigin((server.address() as AddressInfo).port, options);
  return {
    server,
    origin: gateway.origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** What every request goes through: the routes, the faults and limits, and the request ids. */
interface Gateway {
  world: World;
  limiter: RateLimiter;
  manual: ManualFaults;
  faults: FaultInjector;
  /** What came in, for the rate figures (GET /_sandbox/stats/requests). */
  tally: RequestTally;
  api: Router;
  other: Router;
  /** Known once the server listens. */
  origin: string;
  idPrefix: string;
  seq: number;
}

function contextFor(gateway: Gateway, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Ctx {
  const { origin, world } = gateway;
  return { req, res, url, q: url.searchParams, origin, world, params: {}, malformed: false, requestId };
}

async function handle(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', gateway.origin);
  const ctx = contextFor(gateway, req, res, url, `${gateway.idPrefix}${(++gateway.seq).toString(16).padStart(8, '0')}`);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  // The upload base (Box: upload.box.com/api) goes through the same gateway as /2.0.
  if (path.startsWith('/2.0/') || path.startsWith('/api/2.0/')) return handleApi(gateway, ctx, path);
  if ((path === '/_sandbox' || path.startsWith('/_sandbox/')) && !fromLocalTool(req, gateway.origin)) {
    return boxError(ctx, 403, 'forbidden', 'The control API is for local tools only');
  }
  const m = gateway.other.match(req.method ?? 'GET', path);
  if (m === 'method') return boxError(ctx, 405, 'method_not_allowed', 'Method Not Allowed');
  if (!m) return boxError(ctx, 404, 'not_found', 'Not Found');
  ctx.params = m.params;
  await m.handler(ctx);
}

/**
 * Loopback only, and not from a page of another origin (CSRF). The Host check stops DNS
 * rebinding: a page of evil.example whose name now resolves to 127.0.0.1 is same-origin
 * with itself, sends no Origin on simple GETs, but still says `Host: evil.example`.
 */
function fromLocalTool(req: IncomingMessage, origin: string): boolean {
  const remote = req.socket.remoteAddress ?? '';
  const from = req.headers.origin;
  return (
    ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(remote) &&
    isLoopbackHost(req.headers.host, origin) &&
    (from === undefined || from === origin)
  );
}

/** Box's API through the gateway steps, in the order the file's header gives. */
async function handleApi(gateway: Gateway, ctx: Ctx, path: string): Promise<void> {
  const { manual, faults, limiter, world, tally } = gateway;
  if (manual.inOutage()) return void ctx.req.socket.destroy();
  const latency = world.faults.latencyMs;
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  const fault = faults.draw();
  if (fault === 'drop') return void ctx.req.socket.destroy();
  if (fault === 'error') {
    const [status, code, message] = faults.errorStatus();
    return boxError(ctx, status, code, message);
  }
  ctx.malformed = fault === 'malformed';
  const m = gateway.api.match(ctx.req.method ?? 'GET', path);
  if (!authenticate(ctx) || !ctx.auth) return;
  const wait = limiter.take(ctx.auth.user);
  tally.add(ctx.req.method ?? 'GET', path, wait > 0);
  if (wait > 0)
    return boxError(ctx, 429, 'rate_limit_exceeded', 'Request rate limit exceeded, please try again later', {
      headers: { 'retry-after': String(wait) },
    });
  if (manual.failsForever(path)) return boxError(ctx, 500, 'internal_server_error', 'Internal Server Error');
  if (m === 'method') return boxError(ctx, 405, 'method_not_allowed', 'Method Not Allowed');
  if (!m) return boxError(ctx, 404, 'not_found', 'Not Found');
  ctx.params = m.params;
  await m.handler(ctx);
}

/** A handler threw: a bad parameter gets Box's 400, anything else Box's 500 (or a cut connection once the answer began). */
function sendFailure(gateway: Gateway, req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const ctx = () =>
    contextFor(gateway, req, res, new URL('http://127.0.0.1/'), `${gateway.idPrefix}err${++gateway.seq}`);
  if (e instanceof ParamError) return sendParamError(ctx(), e);
  if (res.headersSent) return void res.destroy();
  sendJson(ctx(), 500, {
    type: 'error',
    status: 500,
    code: 'internal_server_error',
    message: String(e instanceof Error ? e.message : e),
    help_url: 'http://developers.box.com/docs/#errors',
    request_id: 'sandbox',
  });
}

/** Box's API, behind the gateway steps in handleApi. */
function apiRoutes(): Router {
  return new Router()
    .on('GET', '/2.0/users/me', getMe)
    .on('GET', '/2.0/users', listUsers)
    .on('GET', '/2.0/users/:id', getUser)
    .on('GET', '/2.0/groups', listGroups)
    .on('GET', '/2.0/groups/:id/memberships', groupMemberships)
    .on('POST', '/2.0/folders', createFolder)
    .on('GET', '/2.0/folders/:id', getFolder)
    .on('GET', '/2.0/folders/:id/items', listItems)
    .on('GET', '/2.0/folders/:id/collaborations', folderCollaborations)
    .on('GET', '/2.0/files/:id', getFile)
    .on('GET', '/2.0/files/:id/content', fileContent)
    .on('GET', '/2.0/files/:id/collaborations', fileCollaborations)
    .on('PUT', '/2.0/files/:id', updateFile)
    .on('DELETE', '/2.0/files/:id', deleteFile)
    .on('POST', '/2.0/files/:id', restoreTrashedFile)
    .on('GET', '/2.0/files/:id/trash', getTrashedFile)
    .on('POST', '/2.0/collaborations', createCollaboration)
    .on('DELETE', '/2.0/collaborations/:id', deleteCollaboration)
    .on('GET', '/2.0/internal_files/:id/versions/:version/representations/extracted_text', representationInfo)
    .on(
      'GET',
      '/2.0/internal_files/:id/versions/:version/representations/extracted_text/content',
      representationContent,
    )
    .on('GET', '/2.0/events', getEvents)
    .on('POST', '/api/2.0/files/content', uploadFile)
    .on('POST', '/api/2.0/files/:id/content', uploadFileVersion);
}

/** OAuth, the consent page, download URLs and the control API (loopback callers only). */
function otherRoutes(deps: ServerDeps, ctl: ControlDeps, tally: RequestTally): Router {
  const { manual } = ctl;
  return (
    new Router()
      .on('GET', '/api/oauth2/authorize', (ctx) => authorizePage(ctx, deps.signInUser()))
      .on('POST', '/api/oauth2/authorize', authorizeSubmit)
      .on('POST', '/oauth2/token', token)
      .on('POST', '/oauth2/revoke', revoke)
      // A download URL is on the network too: an outage drops it like /2.0.
      .on('GET', '/d/1/:sig/download', (ctx) => (manual.inOutage() ? void ctx.req.socket.destroy() : download(ctx)))
      .on('GET', '/_sandbox', truth)
      .on('GET', '/_sandbox/info', (ctx) => sendJson(ctx, 200, deps.info?.() ?? {}))
      .on('GET', '/_sandbox/truth', truth)
      .on('GET', '/_sandbox/truth/files', truthFiles)
      .on('GET', '/_sandbox/truth/files/:id', truthFile)
      .on('GET', '/_sandbox/truth/events', truthEvents)
      .on('GET', '/_sandbox/stats/downloads', downloadStats)
      .on('GET', '/_sandbox/stats/requests', (ctx) => sendJson(ctx, 200, tally.json()))
      .on('GET', '/_sandbox/tokens', listTokens)
      .on('POST', '/_sandbox/activity', (ctx) => control(ctx, ctl, 'activity'))
      .on('POST', '/_sandbox/activity/stream', (ctx) => control(ctx, ctl, 'activity-stream'))
      .on('POST', '/_sandbox/users/:id/role', (ctx) => control(ctx, ctl, 'role'))
      .on('POST', '/_sandbox/app', (ctx) => control(ctx, ctl, 'app'))
      .on('POST', '/_sandbox/enterprise', (ctx) => control(ctx, ctl, 'enterprise'))
      .on('POST', '/_sandbox/tokens/expire', (ctx) => control(ctx, ctl, 'expire'))
      .on('POST', '/_sandbox/tokens/revoke', (ctx) => control(ctx, ctl, 'revoke'))
      .on('POST', '/_sandbox/limits', (ctx) => control(ctx, ctl, 'limits'))
      .on('POST', '/_sandbox/faults', (ctx) => control(ctx, ctl, 'faults'))
      .on('POST', '/_sandbox/outage', (ctx) => control(ctx, ctl, 'outage'))
      .on('POST', '/_sandbox/clock', (ctx) => control(ctx, ctl, 'clock'))
  );
}

/**
 * The Host header names this server by a loopback name and its own port, or by the public
 * name it was started with (--public-url, chosen by whoever started it), nothing else.
 */
function isLoopbackHost(host: string | undefined, origin: string): boolean {
  const { port, host: advertised } = new URL(origin);
  const names = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, advertised];
  return host !== undefined && names.includes(host.toLowerCase());
}
