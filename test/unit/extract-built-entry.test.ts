/**
 * The desktop app's extractor entry as built (out/main/extractor-process.js, `npm run build`):
 * packaged with every chunk it loads, never forking Node, and it really serves: run here in a
 * plain Node process with stand-ins for Electron's parentPort and MessagePortMain (events carry
 * `.data` and `.ports`), it says ready, reads a PDF and answers counts and masked places only,
 * staying far under 1 GB resident (no tsx on this path).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../helpers/extract-fixtures';
import { loadBuilderConfig, packagedFiles } from '../helpers/packaging-check';

const entry = resolve('out/main/extractor-process.js');
const built = existsSync(entry);
if (!built) console.log('extract-built-entry.test.ts: skipped, out/ is missing: run `npm run build` first');

const STAND_IN = `
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
const [entry, pdfPath] = process.argv.slice(2);
const parent = new EventEmitter();
Object.defineProperty(process, 'parentPort', { value: parent });
const port = new EventEmitter();
const replies = [];
port.postMessage = (m) => replies.push(m);
port.start = () => {};
await import(entry);
parent.emit('message', { data: null, ports: [port] });
const until = async (f) => { for (let i = 0; i < 1200 && !f(); i++) await new Promise((r) => setTimeout(r, 50)); };
await until(() => replies.some((m) => m.type === 'ready'));
port.emit('message', { data: { type: 'inspect', id: 7, ext: 'pdf', name: 'a.pdf', bytes: new Uint8Array(readFileSync(pdfPath)) } });
await until(() => replies.some((m) => m.type === 'result'));
process.stdout.write(JSON.stringify(replies));
process.exit(0);
`;

describe.skipIf(!built)('the built extractor entry', () => {
  it('is packaged with the chunks it imports and does not fork Node', () => {
    const files = new Set(packagedFiles(loadBuilderConfig()));
    const source = readFileSync(entry, 'utf8');
    const chunks = [...source.matchAll(/from\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
      normalize(join('out/main', m[1]!)),
    );
    expect(files.has('out/main/extractor-process.js')).toBe(true);
    expect(chunks.filter((file) => !files.has(file))).toEqual([]);
    expect(source).toContain('process.parentPort');
    expect(source).not.toContain('node:child_process');
  });

  it('serves on the port it is handed: ready, then a PDF read to counts and masked places', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bcc-extractor-built-'));
    writeFileSync(join(dir, 'stand-in.mjs'), STAND_IN);
    writeFileSync(join(dir, 'a.pdf'), buildPdf([[['Card ', '4111 1111 1111 1111']]]));
    const out = execFileSync(process.execPath, [join(dir, 'stand-in.mjs'), entry, join(dir, 'a.pdf')], {
      cwd: dirname(entry),
      encoding: 'utf8',
      timeout: 60_000,
    });
    const replies = JSON.parse(out) as { type: string; result?: unknown; peakRssBytes?: number }[];
    expect(replies[0]).toEqual({ type: 'ready' });
    const answer = replies.find((r) => r.type === 'result')!;
    expect(answer.result).toMatchObject({
      state: 'Completed',
      findings: { card: 1 },
      locations: { card: [{ where: 'page 1', masked: '•••• •••• •••• 1111' }] },
    });
    expect(out).not.toContain('4111 1111 1111 1111');
    console.log(`built extractor peak RSS ${((answer.peakRssBytes ?? 0) / 1024 / 1024).toFixed(0)} MB`);
    expect(answer.peakRssBytes).toBeLessThan(512 * 1024 * 1024);
  }, 90_000);
});
