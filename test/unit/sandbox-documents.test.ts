/**
 * The sandbox's real documents (issue 14): same seed, same bytes; valid containers; a reader
 * following the joining rules finds exactly the ground truth; Box's text holds the same counts;
 * the seeded encrypted, truncated and mislabelled few are what they claim.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { detect } from '../../common/scan/detectors';
import {
  documentFault,
  generateDocument,
  GENERATED_EXTENSIONS,
  type DocumentFault,
} from '../../main/core/sandbox/generator/documents';
import { loadPdfJs, officeSegments, segmentsOf, sumFindings } from './sandbox-documents-readers';

const SEED = 14;
const OWNER = 'ava.smith@example.com';
const OFFICE = ['docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'pptm', 'odt', 'ods', 'odp'];

const counts = (t: { card: number; iban: number; ssn: number; nino: number; email: number }) => ({
  card: t.card,
  iban: t.iban,
  ssn: t.ssn,
  nino: t.nino,
  email: t.email,
});

/** The first k at or after `from` with the given fault (null: a well-formed one). */
function fileWith(ext: string, fault: DocumentFault, from = 0): number {
  for (let k = from; k < from + 200_000; k++) if (documentFault(SEED, k, ext) === fault) return k;
  throw new Error(`no ${ext} with fault ${fault}`);
}

function wellFormed(ext: string, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; out.length < n; k++) if (documentFault(SEED, k, ext) === null) out.push(k);
  return out;
}

describe('generated documents', () => {
  it('are a pure function of (seed, file, version): same bytes, and a new version changes them', () => {
    for (const ext of GENERATED_EXTENSIONS) {
      const k = fileWith(ext, null, 3);
      const a = generateDocument(SEED, k, ext, 1, OWNER);
      const b = generateDocument(SEED, k, ext, 1, OWNER);
      expect(Buffer.compare(a.bytes, b.bytes), ext).toBe(0);
      expect(generateDocument(SEED, k, ext, 2, OWNER).bytes.equals(a.bytes), ext).toBe(false);
      expect(generateDocument(SEED + 1, k, ext, 1, OWNER).bytes.equals(a.bytes), ext).toBe(false);
    }
  });

  it('are valid containers: OPC parts for OOXML, mimetype first and stored for ODF', () => {
    for (const ext of OFFICE) {
      const bytes = generateDocument(SEED, fileWith(ext, null), ext, 0, OWNER).bytes;
      const z = unzipSync(bytes);
      if (ext.startsWith('od')) {
        // Local header of the first entry: name "mimetype" at 30, method 0 (stored) at 8.
        expect(bytes.subarray(30, 38).toString('latin1'), ext).toBe('mimetype');
        expect(bytes.readUInt16LE(8), ext).toBe(0);
        expect(Buffer.from(z.mimetype ?? []).toString(), ext).toBe(
          `application/vnd.oasis.opendocument.${{ odt: 'text', ods: 'spreadsheet', odp: 'presentation' }[ext as 'odt']}`,
        );
        expect(Object.keys(z), ext).toEqual(expect.arrayContaining(['META-INF/manifest.xml', 'content.xml']));
        continue;
      }
      const main = { d: 'word/document.xml', x: 'xl/workbook.xml', p: 'ppt/presentation.xml' }[ext[0] as 'd'];
      expect(Object.keys(z), ext).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', main]));
      const types = Buffer.from(z['[Content_Types].xml'] ?? []).toString();
      expect(types, ext).toContain(`PartName="/${main}"`);
      if (ext.endsWith('m')) expect(types, ext).toContain('macroEnabled');
      expect(Buffer.from(z['_rels/.rels'] ?? []).toString(), ext).toContain(`Target="${main}"`);
    }
  });

  it('OOXML and ODF read with saxes by the joining rules give exactly the truth, and the same text as Box', () => {
    for (const ext of OFFICE) {
      let sensitive = 0;
      for (const k of wellFormed(ext, 60)) {
        const d = generateDocument(SEED, k, ext, k % 3, OWNER);
        const segments = officeSegments(d.bytes, ext);
        expect(sumFindings(segments), `${ext} #${k}`).toEqual(counts(d.truth));
        expect(detect(d.boxText ?? ''), `${ext} #${k} box text`).toEqual(counts(d.truth));
        sensitive += d.truth.card + d.truth.iban + d.truth.ssn + d.truth.nino + d.truth.email;
      }
      expect(sensitive, ext).toBeGreaterThan(5);
    }
  });

  it('values are split across runs in docx and pptx, and xlsx mixes shared, rich and inline strings', () => {
    const docx = unzipSync(generateDocument(SEED, fileWith('docx', null), 'docx', 0, OWNER).bytes);
    const doc = Buffer.from(docx['word/document.xml'] ?? []).toString();
    expect(doc.match(/<w:p>(?:<w:r>.*?<\/w:r>){2,}<\/w:p>/)).not.toBeNull();
    expect(doc).toContain('<w:tbl>');
    // Some values are cut mid-number: a run ends with a digit and the next run starts with one.
    let cutValues = 0;
    for (const k of wellFormed('docx', 20)) {
      const xml = Buffer.from(unzipSync(generateDocument(SEED, k, 'docx', 0, OWNER).bytes)['word/document.xml'] ?? []);
      cutValues += (
        xml.toString().match(/\d<\/w:t><\/w:r><w:r>(?:<w:rPr><w:b\/><\/w:rPr>)?<w:t xml:space="preserve">\d/g) ?? []
      ).length;
    }
    expect(cutValues).toBeGreaterThan(5);
    let inline = 0;
    let rich = 0;
    for (const k of wellFormed('xlsx', 10)) {
      const z = unzipSync(generateDocument(SEED, k, 'xlsx', 0, OWNER).bytes);
      for (const [p, data] of Object.entries(z))
        if (p.startsWith('xl/worksheets/'))
          inline += (
            Buffer.from(data)
              .toString()
              .match(/t="inlineStr"/g) ?? []
          ).length;
      rich += (
        Buffer.from(z['xl/sharedStrings.xml'] ?? [])
          .toString()
          .match(/<si><r>/g) ?? []
      ).length;
    }
    expect(inline).toBeGreaterThan(0);
    expect(rich).toBeGreaterThan(0);
  });

  it('zip entries (nested zips too) and eml bodies and base64 attachments hold exactly the truth', async () => {
    let nested = 0;
    for (const ext of ['zip', 'eml']) {
      for (const k of wellFormed(ext, 25)) {
        const d = generateDocument(SEED, k, ext, 0, OWNER);
        const segments = await segmentsOf(d.bytes, ext);
        nested += segments.filter((s) => s.where.includes('.zip ›')).length;
        expect(sumFindings(segments), `${ext} #${k}`).toEqual(counts(d.truth));
        expect(d.boxText, ext).toBeNull();
        expect(d.boxTextError, ext).toBe('error_unsupported_format');
      }
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('Box text of every format that has it holds exactly the truth', () => {
    for (const ext of GENERATED_EXTENSIONS) {
      for (const k of wellFormed(ext, 40)) {
        const d = generateDocument(SEED, k, ext, 0, OWNER);
        if (d.boxText === null) continue;
        expect(detect(d.boxText), `${ext} #${k}`).toEqual(counts(d.truth));
      }
    }
  });

  it('encrypted PDFs need a password: pdf.js raises PasswordException', async () => {
    const { getDocument } = await loadPdfJs();
    const d = generateDocument(SEED, fileWith('pdf', 'encrypted'), 'pdf', 0, OWNER);
    expect(d.expected).toEqual({ state: 'Failed', reason: 'encrypted' });
    expect(d.boxTextError).toBe('error_password_protected');
    expect(d.bytes.toString('latin1')).toMatch(/\/Encrypt \d+ 0 R/);
    const failure = await getDocument({
      data: new Uint8Array(d.bytes),
      isEvalSupported: false,
      verbosity: 0,
    }).promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect((failure as { name?: string } | null)?.name).toBe('PasswordException');
  });

  it('encrypted Office files are CFB containers with EncryptionInfo and EncryptedPackage', () => {
    for (const ext of ['docx', 'xlsx', 'pptx']) {
      const d = generateDocument(SEED, fileWith(ext, 'encrypted'), ext, 0, OWNER);
      expect(d.bytes.subarray(0, 8).toString('hex'), ext).toBe('d0cf11e0a1b11ae1');
      expect(d.bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')), ext).toBe(true);
      expect(d.bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')), ext).toBe(true);
      expect(() => unzipSync(d.bytes), ext).toThrow();
      expect(d.truth).toMatchObject({ card: 0, iban: 0, ssn: 0, nino: 0, email: 0 });
    }
  });

  it('truncated documents do not open, mislabelled ones are something else', async () => {
    const { getDocument } = await loadPdfJs();
    for (const ext of ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'zip']) {
      const d = generateDocument(SEED, fileWith(ext, 'corrupted'), ext, 0, OWNER);
      expect(d.expected, ext).toEqual({ state: 'Failed', reason: 'corrupted' });
      if (ext === 'pdf') {
        const opened = await getDocument({ data: new Uint8Array(d.bytes), isEvalSupported: false, verbosity: 0 })
          .promise.then(async (doc) => (await doc.getPage(1), true))
          .catch(() => false);
        expect(opened, 'truncated pdf').toBe(false);
      } else expect(() => unzipSync(d.bytes), ext).toThrow();
      const m = generateDocument(SEED, fileWith(ext, 'unsupported'), ext, 0, OWNER);
      expect(m.expected, ext).toEqual({ state: 'Failed', reason: 'unsupported' });
      const magic = m.bytes.subarray(0, 4).toString('latin1');
      expect(magic === '%PDF' || magic === 'PK\x03\x04', ext).toBe(false);
    }
  });

  it('about 0.4% of documents each are encrypted, truncated and mislabelled', () => {
    const seen = { encrypted: 0, corrupted: 0, unsupported: 0 };
    const n = 20_000;
    for (let k = 0; k < n; k++) {
      const f = documentFault(SEED, k, k % 2 ? 'pdf' : 'docx');
      if (f) seen[f]++;
    }
    for (const v of Object.values(seen)) {
      expect(v / n).toBeGreaterThan(0.002);
      expect(v / n).toBeLessThan(0.006);
    }
  });
});
