/**
 * The OAuth loopback redirect receiver (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 only,
 * that waits for the browser to come back from Box with `code` and `state`.
 *
 * Hostile or stray requests (wrong or missing state, no code, another path or method, a foreign
 * Host header, an oversized query) get an error page and leave the flow untouched; only the
 * first valid callback completes it, and later ones are refused. The browser is then sent to a
 * clean `/done` page (303), so the code does not stay in the address bar or history. /done waits
 * for the sign-in's outcome, however long the code exchange takes (within the sign-in timeout):
 * the listener never closes under a browser still waiting for its page. It always closes: after
 * the result page is served (or a short linger once the outcome is known), on timeout, on cancel.
 * Handlers never throw: every outcome settles the pending promise instead (a bug VS Code had).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLBACK_PAGE_CSP, PAGES, renderPage, type CallbackPage } from './callback-pages';
import { SignInError } from './sign-in-error';

export interface LoopbackOptions {
  expectedState: string;
  /** 0 (default) for an ephemeral port; a fixed one when the Box app registered it. */
  port?: number;
  path?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How long the listener stays up once the outcome is known, to serve /done and refuse replays. */
  lingerMs?: number;
}

export interface LoopbackListener {
  redirectUri: string;
  port: number;
  /** Resolves with the authorization code of the first valid callback. */
  code: Promise<string>;
  /** Tells the /done page how the sign-in ended; the listener closes once it is shown. */
  finish(outcome: 'success' | 'failed'): void;
  close(): Promise<void>;
  /** Resolves when the listener is closed, whatever ended it. */
  closed: Promise<void>;
}

const MAX_URL_LENGTH = 4096;
/**
 * The usual reason nobody comes back: Box showed "Disabled by Administrator" (or another page
 * than the consent) because the enterprise disables unpublished apps and this one is not
 * allowlisted, and that page has no way back to the app.
 */
export const BLOCKED_SIGN_IN_HINT =
  'If Box showed “Disabled by Administrator”, or any page other than the consent page with “Grant access to Box”, this app is not allowlisted in your enterprise yet: a Box admin must add its client ID (the allowlist step of the walkthrough), then sign in again.';

export const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

type Outcome = 'success' | 'failed' | 'denied';

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? '/callback';
  const flow = createSignInFlow();
  const context: RequestContext = {
    port: 0,
    path,
    expectedState: options.expectedState,
    flow,
    onDoneShown: () => scheduleClose(0),
  };
  const server = createServer((request, response) => {
    handleRequest(request, response, context).catch(() => {
      if (!response.headersSent) send(response, PAGES.failed);
    });
  });
  server.keepAliveTimeout = 1_000;

  let closing: Promise<void> | null = null;
  let closeTimer: NodeJS.Timeout | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timeout);
      clearTimeout(closeTimer);
      options.signal?.removeEventListener('abort', onAbort);
      flow.end(new SignInError('cancelled', 'The sign-in was closed before Box answered.'));
      flow.settle('failed'); // a no-op when finish() already told the outcome
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  function scheduleClose(ms: number) {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => void close(), ms);
  }
  // The linger starts when the outcome is known, not when the code arrives: a code exchange
  // slower than the linger used to close the listener and show "failed" for a sign-in that worked.
  void flow.outcomeKnown.then(() => {
    if (!closing) scheduleClose(options.lingerMs ?? 5_000);
  });

  const onAbort = () => {
    flow.end(new SignInError('cancelled', 'The sign-in was cancelled.'));
    void close();
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
  const timeout = setTimeout(() => {
    flow.end(
      new SignInError(
        'timeout',
        `Nobody came back from Box within ${Math.round(timeoutMs / 1000)} seconds, so the sign-in was stopped. ${BLOCKED_SIGN_IN_HINT}`,
      ),
    );
    void close();
  }, timeoutMs);

  try {
    context.port = await listenOnLoopback(server, options.port ?? 0);
  } catch (error) {
    clearTimeout(timeout);
    throw error;
  }
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    redirectUri: `http://127.0.0.1:${context.port}${path}`,
    port: context.port,
    code: flow.code,
    finish: (result) => flow.settle(result),
    close,
    closed: new Promise<void>((resolve) => server.once('close', () => resolve())),
  };
}

/** The sign-in's two results: the code (or why there is none), and the outcome /done shows. */
interface SignInFlow {
  code: Promise<string>;
  outcomeKnown: Promise<Outcome>;
  /** True once the code is settled: later callbacks are refused. */
  readonly completed: boolean;
  /** Settles the code, once: the first valid callback, a refusal, a timeout or a cancel. */
  end(error: SignInError | null, codeValue?: string): void;
  /** Settles the outcome, once: what the app reports, or a failure Box or the listener caused. */
  settle(outcome: Outcome): void;
}

function createSignInFlow(): SignInFlow {
  let completed = false;
  let settleOutcome: (value: Outcome) => void = () => undefined;
  const outcomeKnown = new Promise<Outcome>((resolve) => (settleOutcome = resolve));
  let resolveCode!: (code: string) => void;
  let rejectCode!: (error: SignInError) => void;
  const code = new Promise<string>((resolve, reject) => {
    resolveCode = resolve;
    rejectCode = reject;
  });
  code.catch(() => undefined); // a caller that stops listening must not crash the process
  return {
    code,
    outcomeKnown,
    get completed() {
      return completed;
    },
    end(error, codeValue) {
      if (completed) return;
      completed = true;
      if (error) {
        rejectCode(error);
        settleOutcome(error.kind === 'denied' ? 'denied' : 'failed');
      } else resolveCode(codeValue!);
    },
    settle: (value) => settleOutcome(value),
  };
}

interface RequestContext {
  /** Set once the listener is bound: the Host header must name it. */
  port: number;
  path: string;
  expectedState: string;
  flow: SignInFlow;
  onDoneShown(): void;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
): Promise<void> {
  const { port, flow } = context;
  if ((request.url ?? '').length > MAX_URL_LENGTH) return send(response, PAGES.tooLong);
  if (request.headers.host !== `127.0.0.1:${port}`) return send(response, PAGES.wrongHost);
  if (request.method !== 'GET') return send(response, PAGES.wrongMethod);
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

  if (url.pathname === '/done') {
    const shown = await flow.outcomeKnown;
    send(response, shown === 'success' ? PAGES.success : shown === 'denied' ? PAGES.denied : PAGES.failed);
    context.onDoneShown();
    return;
  }
  if (url.pathname !== context.path) return send(response, PAGES.notFound);
  if (flow.completed) return send(response, PAGES.alreadyDone);
  if (!sameSecret(url.searchParams.get('state'), context.expectedState)) return send(response, PAGES.wrongState);
  handleCallback(url, response, flow);
}

/** Box's answer, with the right state: a code, or Box's error. */
function handleCallback(url: URL, response: ServerResponse, flow: SignInFlow): void {
  const error = url.searchParams.get('error');
  if (error) {
    const description = url.searchParams.get('error_description');
    flow.end(
      error === 'access_denied'
        ? new SignInError('denied', 'Access was not granted: you chose Deny on Box’s page.')
        : new SignInError('box_error', `Box refused the sign-in: ${error}${description ? ` (${description})` : ''}.`),
    );
  } else {
    const codeValue = url.searchParams.get('code');
    if (!codeValue) return send(response, PAGES.missingCode);
    flow.end(null, codeValue);
  }
  // Away from the URL that carries the code: the address bar and history keep only /done.
  response.writeHead(303, { Location: '/done', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  response.end();
}

function send(response: ServerResponse, page: CallbackPage): void {
  response.writeHead(page.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CALLBACK_PAGE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(renderPage(page));
}

/** Binds 127.0.0.1 only (RFC 8252 §8.3) and returns the port. */
async function listenOnLoopback(server: Server, port: number): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} is already in use` : String(error);
    throw new SignInError('listener', `The app could not listen for Box’s answer on 127.0.0.1: ${reason}.`);
  }
  return (server.address() as AddressInfo).port;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
