/**
 * The sandbox's PDFs read by two independent readers: poppler's pdftotext and pdf.js (with the
 * joining rule: items joined with '', hasEOL ends a line). Both find exactly the truth, and
 * pdf.js's text is Box's text of the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect } from '../../common/scan/detectors';
import { documentFault, generateDocument } from '../../main/core/sandbox/generator/documents';
import { pdfSegments, sumFindings } from './sandbox-documents-readers';

const SEED = 14;
const dir = mkdtempSync(join(tmpdir(), 'sandbox-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const counts = (t: { card: number; iban: number; ssn: number; nino: number; email: number }) => ({
  card: t.card,
  iban: t.iban,
  ssn: t.ssn,
  nino: t.nino,
  email: t.email,
});

function pdfs(n: number): number[] {
  const out: number[] = [];
  for (let k = 0; out.length < n; k++) if (documentFault(SEED, k, 'pdf') === null) out.push(k);
  return out;
}

describe('generated PDFs', () => {
  it('pdftotext extracts text whose detections equal the truth, for 300 PDFs', () => {
    let sensitive = 0;
    let compressed = 0;
    for (const k of pdfs(300)) {
      const d = generateDocument(SEED, k, 'pdf', k % 3, 'ava.smith@example.com');
      if (d.bytes.includes('/FlateDecode')) compressed++;
      const path = join(dir, `${k}.pdf`);
      writeFileSync(path, d.bytes);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
      expect(detect(text), `pdf #${k}`).toEqual(counts(d.truth));
      sensitive += d.truth.card + d.truth.iban + d.truth.ssn + d.truth.nino + d.truth.email;
    }
    expect(sensitive).toBeGreaterThan(50);
    // Most content streams are FlateDecode-compressed, some are not.
    expect(compressed).toBeGreaterThan(200);
    expect(compressed).toBeLessThan(300);
  });

  it('pdf.js with the joining rule reads Box text exactly and finds the truth page by page', async () => {
    let multiPage = 0;
    for (const k of pdfs(80)) {
      const d = generateDocument(SEED, k, 'pdf', 0, 'ava.smith@example.com');
      const pages = await pdfSegments(d.bytes);
      if (pages.length > 1) multiPage++;
      expect(sumFindings(pages), `pdf #${k}`).toEqual(counts(d.truth));
      expect(pages.map((p) => p.text.replace(/\n$/, '')).join('\n'), `pdf #${k}`).toBe(d.boxText);
    }
    expect(multiPage).toBeGreaterThan(0);
  });
});
