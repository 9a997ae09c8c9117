/**
 * The local extractor's format readers, on documents written by hand in this test (never by the
 * sandbox generator): each format's counts and places, values split across runs or operators,
 * and the outcomes the connector names (encrypted, corrupted, unsupported, too-long, too-large).
 * Called in-process (inspectBytes); the child process around it is tested in extract-pool.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../main/core/extract/inspect-bytes';
import {
  buildDocx,
  buildEml,
  buildOdf,
  buildPdf,
  buildPptx,
  buildXlsx,
  encryptedOfficeFile,
  encryptedPdf,
  zip,
} from '../helpers/extract-fixtures';

const CARD = '4111 1111 1111 1111';
const IBAN = 'GB82 WEST 1234 5698 7654 32';
const SSN = '123-45-6789';
const NINO = 'AB123456C';

const inspect = (ext: string, bytes: Uint8Array) => inspectBytes({ ext, name: `f.${ext}`, bytes });

describe('PDF', () => {
  it('finds a value drawn by several Tj operators, per page, in compressed streams, and masks it', async () => {
    const pdf = buildPdf(
      [[['Card: ', '4111 1111 ', '1111 1111'], ['look-alike 4111 1111 1111 1112']], [['SSN ', '123-45-', '6789']]],
      { compress: true },
    );
    const r = await inspect('pdf', pdf);
    expect(r).toMatchObject({ state: 'Completed', method: 'local', findings: { card: 1, ssn: 1, iban: 0 } });
    expect(r.locations).toEqual({
      card: [{ where: 'page 1', masked: '•••• •••• •••• 1111' }],
      ssn: [{ where: 'page 2', masked: '•••-••-6789' }],
    });
    // pdftotext (poppler) reads the same words from our hand-made file: the fixture is a real PDF.
    const dir = mkdtempSync(join(tmpdir(), 'bcc-pdf-'));
    writeFileSync(join(dir, 'a.pdf'), pdf);
    expect(execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' })).toContain(`Card: ${CARD}`);
  });

  it('a truncated PDF is corrupted, a password-protected one encrypted, a renamed text unsupported', async () => {
    const pdf = buildPdf([[[`Card ${CARD}`]]]);
    expect(await inspect('pdf', pdf.subarray(0, pdf.length - 200))).toMatchObject({
      state: 'Failed',
      reason: 'corrupted',
    });
    expect(await inspect('pdf', encryptedPdf())).toMatchObject({ state: 'Failed', reason: 'encrypted' });
    expect(await inspect('pdf', Buffer.from(`Card ${CARD}`))).toMatchObject({ state: 'Failed', reason: 'unsupported' });
  });
});

describe('OOXML', () => {
  it('docx: runs joined, paragraphs and table cells numbered over the body', async () => {
    const docx = buildDocx(
      [['Intro'], ['Card ', '4111 1111', ' 1111 1111'], ['IBAN ', IBAN.slice(0, 9), IBAN.slice(9)]],
      [['Name', 'bob@example.com']],
    );
    for (const ext of ['docx', 'docm', 'dotx']) {
      const r = await inspect(ext, docx);
      expect(r).toMatchObject({ state: 'Completed', findings: { card: 1, iban: 1, email: 1 } });
      expect(r.locations?.card).toEqual([{ where: 'paragraph 2', masked: '•••• •••• •••• 1111' }]);
      expect(r.locations?.iban?.[0]?.where).toBe('paragraph 3');
      expect(r.locations?.email?.[0]?.where).toBe('paragraph 5');
    }
  });

  it('xlsx: each cell its own place, shared strings split in rich runs, inline strings too', async () => {
    const cells = { A1: 'Employee', B1: SSN, C1: NINO, D1: '987-65-432' };
    for (const inline of [false, true]) {
      const r = await inspect('xlsx', buildXlsx({ Summary: { A1: 'none' }, Payroll: cells }, inline));
      expect(r).toMatchObject({ state: 'Completed', findings: { ssn: 1, nino: 1, card: 0 } });
      expect(r.locations?.ssn).toEqual([{ where: 'Payroll!B1', masked: '•••-••-6789' }]);
      expect(r.locations?.nino).toEqual([{ where: 'Payroll!C1', masked: '•••••456C' }]);
    }
  });

  it('pptx: a slide per place, its paragraphs separated', async () => {
    const r = await inspect('pptx', buildPptx([[['Agenda']], [['Wire to '], [IBAN.slice(0, 4), IBAN.slice(4)]]]));
    expect(r).toMatchObject({ state: 'Completed', findings: { iban: 1 } });
    expect(r.locations?.iban?.[0]?.where).toBe('slide 2');
  });

  it('any DOCTYPE is corrupted: billion laughs is never expanded', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;">]><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>&lol1;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await inspect('docx', buildDocx([], [], laughs))).toMatchObject({ state: 'Failed', reason: 'corrupted' });
  });

  it('a password-protected Office file (CFB with EncryptionInfo) is encrypted; a plain zip named .docx unsupported', async () => {
    expect(await inspect('docx', encryptedOfficeFile())).toMatchObject({ state: 'Failed', reason: 'encrypted' });
    expect(await inspect('xlsx', zip({ 'notes.txt': CARD }))).toMatchObject({ state: 'Failed', reason: 'unsupported' });
    expect(await inspect('docx', buildPdf([[['x']]]))).toMatchObject({ state: 'Failed', reason: 'unsupported' });
  });
});

describe('OpenDocument', () => {
  it('odt paragraphs, ods cells with repeats, odp slides', async () => {
    const odt = buildOdf(
      'application/vnd.oasis.opendocument.text',
      `<office:text><text:p>Hello</text:p><text:p>Card <text:span>4111</text:span><text:s/>1111 1111 1111</text:p></office:text>`,
    );
    const r1 = await inspect('odt', odt);
    expect(r1).toMatchObject({ state: 'Completed', findings: { card: 1 } });
    expect(r1.locations?.card?.[0]?.where).toBe('paragraph 2');
    const ods = buildOdf(
      'application/vnd.oasis.opendocument.spreadsheet',
      `<office:spreadsheet><table:table table:name="HR"><table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>${SSN}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>`,
    );
    expect((await inspect('ods', ods)).locations?.ssn).toEqual([{ where: 'HR!C4', masked: '•••-••-6789' }]);
    const odp = buildOdf(
      'application/vnd.oasis.opendocument.presentation',
      `<office:presentation><draw:page><text:p>Title</text:p></draw:page><draw:page><text:p>${NINO}</text:p></draw:page></office:presentation>`,
    );
    expect((await inspect('odp', odp)).locations?.nino?.[0]?.where).toBe('slide 2');
  });
});

describe('archives and mail', () => {
  it('zip entries by type, nested archives, places as paths', async () => {
    const inner = zip({ 'c.docx': buildDocx([['x'], [CARD]]), 'pic.png': new Uint8Array([0x89, 0x50]) });
    const outer = zip({
      'readme.txt': `line one\nmail bob@example.com`,
      'b/inner.zip': inner,
      'data.bin': new Uint8Array(9),
    });
    const r = await inspect('zip', outer);
    expect(r).toMatchObject({ state: 'Completed', findings: { card: 1, email: 1 } });
    expect(r.locations?.card?.[0]?.where).toBe('b/inner.zip › c.docx › paragraph 2');
    expect(r.locations?.email?.[0]?.where).toBe('readme.txt › line 2');
  });

  it('eml: the body and base64 attachments count, headers do not', async () => {
    const eml = buildEml(`Please pay ${IBAN}.`, [
      { name: 'slip.pdf', type: 'application/pdf', bytes: buildPdf([[[`SSN ${SSN}`]]]) },
      { name: 'sheet.xlsx', type: 'application/octet-stream', bytes: buildXlsx({ S: { A2: NINO } }) },
    ]);
    const r = await inspect('eml', eml);
    expect(r).toMatchObject({ state: 'Completed', findings: { iban: 1, ssn: 1, nino: 1, card: 0, email: 0 } });
    expect(r.locations?.iban?.[0]?.where).toBe('body');
    expect(r.locations?.ssn?.[0]?.where).toBe('attachment slip.pdf › page 1');
    expect(r.locations?.nino?.[0]?.where).toBe('attachment sheet.xlsx › S!A2');
  });
});

describe('text and limits', () => {
  it('text lines, html without its tags, at most 5 places per detector', async () => {
    const csv = Array.from({ length: 8 }, (_, i) => `row${i},${SSN}`).join('\n');
    const r = await inspect('csv', Buffer.from(csv));
    expect(r.findings?.ssn).toBe(8);
    expect(r.locations?.ssn?.map((l) => l.where)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    const html = await inspect('html', Buffer.from(`<html>\n<p>Card <b>4111 1111</b> 1111 1111</p>\n</html>`));
    expect(html.locations?.card).toEqual([{ where: 'line 2', masked: '•••• •••• •••• 1111' }]);
  });

  it('over 1,000,000 characters: Partially scanned, the matches before the limit count', async () => {
    const text = `${SSN}\n${'x'.repeat(1_200_000)}\n${SSN}\n`;
    const r = await inspect('txt', Buffer.from(text));
    expect(r).toMatchObject({ state: 'Partially scanned', reason: 'too-long', method: 'local', chars: 1_000_000 });
    expect(r.findings?.ssn).toBe(1);
  });

  it('over 30 MB: too-large; images Not applicable; unknown types unsupported', async () => {
    expect(await inspect('txt', new Uint8Array(30 * 1024 * 1024 + 1))).toMatchObject({ reason: 'too-large' });
    expect(await inspect('png', new Uint8Array(10))).toMatchObject({ state: 'Not applicable' });
    expect(await inspect('exe', new Uint8Array(10))).toMatchObject({ state: 'Failed', reason: 'unsupported' });
  });
});
