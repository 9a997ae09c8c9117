/**
 * A small HTTP server that answers the content calls of the Box API as Box does, for the scan's
 * content tests until the sandbox serves them all: GET /2.0/files/:id/content (302 to a signed
 * URL on the same origin, like Box's hop to dl.boxcloud.com), and GET /2.0/files/:id with
 * fields=representations and `x-rep-hints: [extracted_text]` (states none → info.url → pending
 * → success, or error with its code). It counts every request per file, and a test can hold
 * downloads until it releases them. Real HTTP through the official SDK (scanClient).
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoxDeveloperTokenAuth } from 'box-node-sdk/box';
import { BaseUrls, NetworkSession } from 'box-node-sdk/networking';
import { BoxApi, scanClient } from '../../main/core/scan/box-api';
import { RequestScheduler } from '../../main/core/scan/scheduler';

export interface ServedFile {
  /** What a download serves; absent: the download answers `status` (404 by default). */
  bytes?: Buffer;
  status?: number;
  /** Box's extracted text; absent: no extracted_text representation is offered. */
  text?: string;
  /** The representation's state on the first call (default success); `none` turns pending once asked. */
  repState?: 'none' | 'pending' | 'success' | 'error';
  /** Calls answered `pending` before the text is ready. */
  pendingCalls?: number;
  errorCode?: string;
}

export interface BoxContentServer {
  api: BoxApi;
  origin: string;
  files: Map<string, ServedFile>;
  /** Requests by kind and file id: `download:7`, `representations:7`, `info:7`, `text:7`. */
  counts: Map<string, number>;
  count(kind: string, id?: string): number;
  /** Holds every download until the returned function is called. */
  holdDownloads(): () => void;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function representation(origin: string, id: string, f: ServedFile) {
  return {
    representation: 'extracted_text',
    properties: {},
    info: { url: `${origin}/rep/${id}/info` },
    status: { state: f.repState ?? 'success', ...(f.errorCode ? { code: f.errorCode } : {}) },
    content: { url_template: `${origin}/rep/${id}/content/{+asset_path}` },
  };
}

export async function startBoxContentServer(): Promise<BoxContentServer> {
  const files = new Map<string, ServedFile>();
  const counts = new Map<string, number>();
  let held: Promise<void> | null = null;
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  let origin = '';
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', origin);
    const m = /^\/(2\.0\/files|dl|rep)\/([^/]+)(?:\/([a-z]+))?/.exec(url.pathname);
    const id = m?.[2] ?? '';
    const f = files.get(id);
    if (!m || !f) return json(res, 404, { type: 'error', status: 404, code: 'not_found', message: 'Not Found' });
    if (m[1] === '2.0/files' && m[3] === 'content') {
      bump(`download:${id}`);
      if (!f.bytes) return json(res, f.status ?? 404, { type: 'error', status: f.status ?? 404, code: 'x' });
      return void res.writeHead(302, { location: `${origin}/dl/${id}/SIGNED` }).end();
    }
    if (m[1] === 'dl') {
      if (held) await held;
      res.writeHead(200, { 'content-length': String(f.bytes?.length ?? 0) });
      return void res.end(f.bytes);
    }
    if (m[1] === '2.0/files') {
      bump(`representations:${id}`);
      const hinted = req.headers['x-rep-hints'] === '[extracted_text]';
      if (f.status && !f.text) return json(res, f.status, { type: 'error', status: f.status, code: 'x' });
      const entries = hinted && f.text !== undefined ? [representation(origin, id, f)] : [];
      if (f.repState === 'pending' && (f.pendingCalls ?? 0) > 0 && --f.pendingCalls! === 0) f.repState = 'success';
      return json(res, 200, { type: 'file', id, representations: { entries } });
    }
    if (m[3] === 'info') {
      bump(`info:${id}`);
      if (f.repState === 'none') f.repState = 'pending';
      return json(res, 200, representation(origin, id, f));
    }
    bump(`text:${id}`);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(f.text ?? '');
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const network = new NetworkSession({
    baseUrls: new BaseUrls({ baseUrl: origin, uploadUrl: origin, oauth2Url: origin }),
  });
  const api = new BoxApi(
    scanClient(new BoxDeveloperTokenAuth({ token: 'test' }), network),
    new RequestScheduler({ ratePerSecond: 0, concurrency: 8, maxRetries: 0 }),
  );
  return {
    api,
    origin,
    files,
    counts,
    count: (kind, id) =>
      id === undefined
        ? [...counts].filter(([k]) => k.startsWith(`${kind}:`)).reduce((n, [, v]) => n + v, 0)
        : (counts.get(`${kind}:${id}`) ?? 0),
    holdDownloads() {
      let release = () => undefined as void;
      held = new Promise<void>((r) => (release = r));
      return () => {
        held = null;
        release();
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
