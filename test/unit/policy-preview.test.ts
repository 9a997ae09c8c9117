/**
 * The editor's live preview over many files: the pass that finds a filter's matches gives the
 * core's thread back while it runs (other calls are answered meanwhile), every page of the
 * answer is the same ordered list (no file twice or missing across pages), and a newer filter
 * replaces an older one still being evaluated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyHandlers } from '../../main/core/policy/bridge-handlers';
import { FilterPreviews } from '../../main/core/policy/filter-preview';
import { PolicyService } from '../../main/core/policy/policy-service';
import {
  listedTextFile,
  openTempScanStore,
  PRIVATE_NOTHING_FOUND,
  type TempScanStore,
} from '../helpers/temp-scan-store';

const FILES = 20_000;
let temp: TempScanStore;
let service: PolicyService;

beforeAll(() => {
  temp = openTempScanStore('bcc-preview-');
  const s = temp.store;
  s.tx(() => {
    for (let i = 0; i < FILES; i++) {
      const id = `f${i}`;
      s.insertListedFile(listedTextFile(id));
      // Every third file Internal; one in ten never scanned (it matches nothing yet).
      if (i % 10 !== 9)
        s.finish(id, s.file(id)!.gen, { ...PRIVATE_NOTHING_FOUND, accessLevel: i % 3 === 0 ? 'Internal' : 'Private' });
    }
  });
  service = new PolicyService({
    home: temp.dir,
    db: () => temp.store.writer(),
    reader: () => temp.store.reader(),
    emitMatches() {},
    emitAlerts() {},
  });
});
afterAll(() => temp.remove());

const expectedInternal = Array.from({ length: FILES }, (_, i) => i).filter((i) => i % 10 !== 9 && i % 3 === 0);

describe('the live preview at size', () => {
  it('answers other calls while the pass over the files runs', async () => {
    const handlers = policyHandlers(service);
    const order: string[] = [];
    const preview = handlers.previewPolicy({ filter: { extensions: ['txt'] }, offset: 0, limit: 100 }).then((p) => {
      order.push('preview');
      return p;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    order.push('other call');
    const page = await preview;
    expect(order).toEqual(['other call', 'preview']);
    expect(page.total).toBe(FILES - FILES / 10);
  });

  it('pages through one ordered answer, every match once', async () => {
    const filter = { accessLevels: ['Internal' as const] };
    const seen: string[] = [];
    for (let offset = 0; offset < expectedInternal.length; offset += 1000) {
      const page = await service.preview(filter, { offset, limit: 1000 });
      expect(page.total).toBe(expectedInternal.length);
      seen.push(...page.entries.map((e) => e.fileId));
    }
    expect(seen).toEqual(expectedInternal.map((i) => `f${i}`));
  });

  it('a newer filter replaces an older one still evaluated; the newer is answered', async () => {
    const older = service.preview({ extensions: ['txt'], size: { minBytes: 0 } }, { offset: 0, limit: 1 });
    const newer = service.preview({ accessLevels: ['Private'] }, { offset: 0, limit: 1 });
    await expect(older).rejects.toThrow(/newer filter/);
    expect((await newer).total).toBe(FILES - FILES / 10 - expectedInternal.length);
  });

  it('does not keep a pass that failed: the next preview of that filter evaluates it again', async () => {
    const previews = new FilterPreviews();
    const real = temp.store.reader();
    let busy = true;
    const flaky = new Proxy(real, {
      get(target, key) {
        if (key === 'prepare' && busy)
          return () => {
            throw new Error('SQLITE_BUSY: database is locked');
          };
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const filter = { accessLevels: ['Internal' as const] };
    await expect(previews.page(flaky, filter, { offset: 0, limit: 10 })).rejects.toThrow(/SQLITE_BUSY/);
    busy = false;
    expect((await previews.page(real, filter, { offset: 0, limit: 10 })).total).toBe(expectedInternal.length);
  });
});
