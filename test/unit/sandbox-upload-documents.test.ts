/**
 * The hand-made documents (test/fixtures/hand-made-documents.ts) are what they claim: valid
 * files whose text, read by the rules in t14-common (pdftotext for the PDF), holds the values at
 * the stated places, with the stated counts; and uploaded through the SDK, the sandbox serves
 * them back byte for byte, ready for a scan to inspect.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { BoxClient } from 'box-node-sdk';
import { readByteStream } from 'box-node-sdk/internal/utils';
import { detect } from '../../common/scan/detectors';
import { startSandbox, type RunningSandbox } from '../../main/core/sandbox';
import { HAND_MADE_DOCUMENTS, VALUES, handMadeDocx, handMadePdf, handMadeXlsx } from '../fixtures/hand-made-documents';
import { ctl, sdkAuth, sdkClient, sdkSession, signIn } from '../integration/sandbox/helpers';

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Paragraph texts in body order (cells are paragraphs too), runs joined with ''. */
function docxParagraphs(bytes: Buffer): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((t) => unescapeXml(t[1] ?? '')).join(''),
  );
}

function pdftotextPage(pdf: Buffer, page: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hmd-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), join(dir, 'd.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    return r.stdout.replace(/\f/g, '').replace(/\n+/g, '\n').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('hand-made documents', () => {
  it('count what they claim: the detectors over their text give the expected findings, look-alikes excluded', () => {
    for (const d of HAND_MADE_DOCUMENTS) {
      const found = detect(d.segments.map((s) => s.text).join('\n'));
      expect(found, d.name).toEqual(d.findings);
      const located = Object.values(d.locations).reduce((n, l) => n + (l?.length ?? 0), 0);
      expect(located, d.name).toBe(Object.values(d.findings).reduce((a, b) => a + b, 0));
      expect(d.lookalikes, d.name).toBeGreaterThan(0);
    }
  });

  it('DOCX: the card number split across two runs in paragraph 2, the IBAN in a table cell (paragraph 5)', () => {
    const d = handMadeDocx();
    const paragraphs = docxParagraphs(d.bytes);
    expect(paragraphs).toHaveLength(5);
    for (const s of d.segments) expect(paragraphs[Number(s.where.split(' ')[1]) - 1]).toBe(s.text);
    const xml = strFromU8(unzipSync(d.bytes)['word/document.xml']!);
    // No single run holds the whole number: a reader that does not join runs misses it.
    expect([...xml.matchAll(/<w:t[^>]*>(.*?)<\/w:t>/g)].some((t) => t[1]?.includes(VALUES.docxCard))).toBe(false);
    expect(xml).toMatch(new RegExp(`<w:tc>.*${VALUES.docxIban}.*</w:tc>`));
    expect(unzipSync(d.bytes)['[Content_Types].xml']).toBeDefined();
  });

  it('XLSX: the SSN in shared strings at Payroll!B2, the IBAN as an inline string at Payroll!C2', () => {
    const parts = unzipSync(handMadeXlsx().bytes);
    const shared = [...strFromU8(parts['xl/sharedStrings.xml']!).matchAll(/<si><t>(.*?)<\/t><\/si>/g)].map((m) => m[1]);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const b2 = /<c r="B2" t="s"><v>(\d+)<\/v><\/c>/.exec(sheet);
    expect(shared[Number(b2?.[1])]).toBe(VALUES.xlsxSsn);
    expect(sheet).toContain(`<c r="C2" t="inlineStr"><is><t>${VALUES.xlsxIban}</t></is></c>`);
    expect(strFromU8(parts['xl/workbook.xml']!)).toContain('name="Payroll"');
  });

  it('PDF: valid for pdftotext, page 1 holds the card drawn by two Tj, page 2 the NINO', () => {
    const d = handMadePdf();
    if (spawnSync('pdftotext', ['-v']).error) {
      console.warn('skipped: pdftotext is not installed');
      return;
    }
    for (const s of d.segments) expect(pdftotextPage(d.bytes, Number(s.where.split(' ')[1]))).toBe(s.text);
    const info = execFileSync('pdfinfo', ['-'], { input: d.bytes, encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+2/);
    expect(d.bytes.includes('/FlateDecode')).toBe(true);
    expect(d.bytes.includes(VALUES.pdfCard)).toBe(false); // compressed, and split in two strings
  });
});

describe('hand-made documents uploaded to the sandbox through the SDK', () => {
  let sb: RunningSandbox;
  let client: BoxClient;
  beforeAll(async () => {
    sb = await startSandbox({ seed: 3, users: 8, files: 100 });
    const auth = sdkAuth(sb.info);
    await auth.getTokensAuthorizationCodeGrant(await signIn(sb.info), sdkSession(sb.info));
    client = sdkClient(sb.info, auth);
  });
  afterAll(async () => sb.close());

  it('come back byte for byte, with their SHA-1, and unknown truth for the scan to find', async () => {
    const folder = await client.folders.createFolder({ name: 'Hand-made', parent: { id: '0' } });
    for (const d of HAND_MADE_DOCUMENTS) {
      const up = await client.uploads.uploadFile({
        attributes: { name: d.name, parent: { id: folder.id } },
        file: Readable.from([d.bytes]),
      });
      const file = up.entries![0]!;
      expect(file.sha1).toBe(createHash('sha1').update(d.bytes).digest('hex'));
      const stream = await client.downloads.downloadFile(file.id);
      expect(await readByteStream(stream as Parameters<typeof readByteStream>[0])).toEqual(d.bytes);
      const t = await ctl<{ has_text: boolean; sensitive: unknown }>(sb.info, `/truth/files/${file.id}`);
      expect(t).toMatchObject({ has_text: true, sensitive: null });
    }
    expect((await client.folders.getFolderItems(folder.id)).totalCount).toBe(HAND_MADE_DOCUMENTS.length);
  });
});
