/**
 * The governance actions' Box requests, through the official SDK's client (`makeRequest`, as the
 * scan's BoxApi) and the scan's RequestScheduler, so actions and a running scan share one rate
 * and one back-off. As-User is one header on one request. A 401 gets one token refresh and one
 * more try; 429/5xx/network are the scheduler's to retry. A change Box may have made before the
 * answer was lost is safe to send again: every call here either sets a state (link, parent,
 * trash) or is checked for "already done" (a collaboration gone, a user already invited).
 */
import { Readable } from 'node:stream';
import type { BoxClient } from 'box-node-sdk';
import { BoxApiError as SdkApiError } from 'box-node-sdk/box';
import type { FetchOptionsInput } from 'box-node-sdk/networking';
import { BoxApiError, translate } from '../scan/box-api';
import type { RequestScheduler } from '../scan/scheduler';
import { withOneRefresh } from '../box/refresh-once';

export interface CallOptions {
  asUser?: string | null;
  params?: Record<string, string>;
  body?: FetchOptionsInput['data'];
}

/** Box's error, with the item in the way for a 409 (its id), which the SDK's error keeps in the body. */
export class BoxConflictError extends BoxApiError {
  constructor(
    message: string,
    readonly conflictId: string | null,
  ) {
    super(409, 'item_name_in_use', message);
  }
}

const NEVER = new AbortController().signal;

export class BoxCalls {
  readonly base: string;

  /** The signed-in user's id: As-User of oneself is refused by Box, so it is sent without. */
  selfId: string | null = null;

  /**
   * The action run's stop, given to the scheduler with each call: these calls' waits end when
   * it aborts, while a scan's on the same scheduler go on.
   */
  private stop: AbortSignal = NEVER;

  constructor(
    readonly client: BoxClient,
    readonly scheduler: RequestScheduler,
  ) {
    this.base = `${client.networkSession.baseUrls.baseUrl}/2.0`;
  }

  stopWith(signal: AbortSignal): void {
    this.stop = signal;
  }

  private asUser(id: string | null | undefined): string | null {
    return id && id !== this.selfId ? id : null;
  }

  /** One JSON request under /2.0 through the scheduler; the answer's body (undefined for 204). */
  json<T>(kind: string, method: string, path: string, o: CallOptions = {}): Promise<T> {
    const asUser = this.asUser(o.asUser);
    return this.scheduler.run(
      kind,
      async () => {
        const res = await this.withRefresh(() =>
          this.client.makeRequest({
            method,
            url: `${this.base}${path}`,
            params: o.params,
            headers: asUser ? { 'as-user': asUser } : {},
            ...(o.body === undefined ? {} : { data: o.body, contentType: 'application/json' }),
            responseFormat: res204(method) ? 'no_content' : 'json',
          }),
        );
        return res.data as T;
      },
      { signal: this.stop },
    );
  }

  /** A small file uploaded through the SDK's upload manager; its new id. */
  upload(folderId: string, name: string, bytes: Buffer, asUserId: string | null): Promise<string> {
    const asUser = this.asUser(asUserId);
    const client = asUser ? this.client.withAsUserHeader(asUser) : this.client;
    return this.scheduler.run(
      'governance-upload',
      async () => {
        const files = await this.withRefresh(() =>
          client.uploads.uploadFile({ attributes: { name, parent: { id: folderId } }, file: Readable.from([bytes]) }),
        );
        const id = files.entries?.[0]?.id;
        if (!id) throw new BoxApiError(500, 'malformed', 'the upload answered no file');
        return id;
      },
      { signal: this.stop },
    );
  }

  private withRefresh<T>(send: () => Promise<T>): Promise<T> {
    return withOneRefresh(this.client, send, toError);
  }
}

/** DELETE answers 204 with no body. */
function res204(method: string): boolean {
  return method === 'DELETE';
}

function toError(e: unknown): Error {
  if (e instanceof SdkApiError && e.responseInfo.statusCode === 409) {
    const body = e.responseInfo.body as { message?: string; context_info?: { conflicts?: unknown } } | undefined;
    const conflicts = body?.context_info?.conflicts;
    const first = (Array.isArray(conflicts) ? conflicts[0] : conflicts) as { id?: unknown } | undefined;
    return new BoxConflictError(
      body?.message ?? 'Item with the same name already exists',
      typeof first?.id === 'string' ? first.id : null,
    );
  }
  return translate(e);
}

export function isNotFound(e: unknown): boolean {
  return e instanceof BoxApiError && e.status === 404;
}
