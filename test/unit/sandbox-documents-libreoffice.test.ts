/**
 * LibreOffice opens the sandbox's OOXML and ODF files: converted to text (documents), flat ODS
 * (spreadsheets, every sheet) or flat ODP (presentations): LibreOffice's own writing of what it
 * read holds exactly the truth. Skipped, with the reason printed, where LibreOffice is not
 * installed (it is not an npm dependency).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect } from '../../common/scan/detectors';
import { documentFault, generateDocument } from '../../main/core/sandbox/generator/documents';

const SEED = 14;
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const available = soffice.status === 0;
if (!available) console.log('sandbox-documents-libreoffice: skipped, soffice (LibreOffice) is not installed');
const dir = mkdtempSync(join(tmpdir(), 'sandbox-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TARGET: Record<string, string> = {
  docx: 'txt:Text',
  docm: 'txt:Text',
  odt: 'txt:Text',
  xlsx: 'fods',
  xlsm: 'fods',
  ods: 'fods',
  pptx: 'fodp',
  pptm: 'fodp',
  odp: 'fodp',
};

/** The paragraphs (and cells) of a flat ODF file LibreOffice wrote from what it read. */
function flatOdfText(xml: string): string {
  const paras = xml.match(/<text:p\b[^>]*>[\s\S]*?<\/text:p>/g) ?? [];
  return paras
    .map((p) =>
      p
        .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_m, n: string | undefined) => ' '.repeat(Number(n ?? 1)))
        .replace(/<text:line-break\/>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

describe.skipIf(!available)('LibreOffice reads the generated Office and OpenDocument files', () => {
  it('finds exactly the truth in each', () => {
    const truth = new Map<string, Record<string, number>>();
    for (const ext of Object.keys(TARGET)) {
      let n = 0;
      for (let k = 0; n < 3; k++) {
        if (documentFault(SEED, k, ext) !== null) continue;
        const d = generateDocument(SEED, k, ext, 0, 'ava.smith@example.com');
        const name = `${ext}-${k}`;
        writeFileSync(join(dir, `${name}.${ext}`), d.bytes);
        const { lookalike: _lookalike, ...counts } = d.truth;
        truth.set(name, counts);
        n++;
      }
    }
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    for (const target of new Set(Object.values(TARGET))) {
      const inputs = readdirSync(dir).filter((f) => TARGET[f.split('.').pop() ?? ''] === target);
      execFileSync(
        'soffice',
        [
          profile,
          '--headless',
          '--convert-to',
          target,
          '--outdir',
          join(dir, 'out'),
          ...inputs.map((f) => join(dir, f)),
        ],
        {
          stdio: 'ignore',
          timeout: 240_000,
        },
      );
    }
    const outputs = readdirSync(join(dir, 'out'));
    expect(outputs.length).toBe(truth.size);
    for (const out of outputs) {
      const name = out.replace(/\.(txt|fods|fodp)$/, '');
      const raw = readFileSync(join(dir, 'out', out), 'utf8');
      const text = out.endsWith('.txt') ? raw : flatOdfText(raw);
      expect(detect(text), name).toEqual(truth.get(name));
    }
  }, 300_000);
});
