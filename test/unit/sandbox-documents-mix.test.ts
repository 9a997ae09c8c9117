/**
 * The default mix after issue 14: documents read locally stay about 63% of files, legacy and
 * Box-native formats are in it, a few documents are over the 30 MB limit, and about 3% of files
 * are byte-identical copies of an earlier file of the same type.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildEnterprise } from '../../main/core/sandbox/generator/enterprise';
import { fileDocument, fileExt, generateFile, MEDIA_EXTENSIONS } from '../../main/core/sandbox/generator/files';
import { DOCUMENT_EXTENSIONS } from '../../main/core/sandbox/generator/documents';
import { LEGACY_EXTENSIONS } from '../../main/core/sandbox/generator/documents/legacy';

const SEED = 14;

describe('the default mix', () => {
  it('keeps documents (pdf, Office, ODF, zip, eml) at about 63% and adds the Box-text formats', () => {
    const n = 100_000;
    let documents = 0;
    let legacy = 0;
    for (let k = 0; k < n; k++) {
      const ext = fileExt(SEED, k);
      if (DOCUMENT_EXTENSIONS.has(ext)) documents++;
      if (LEGACY_EXTENSIONS.has(ext)) legacy++;
    }
    expect(documents / n).toBeGreaterThan(0.62);
    expect(documents / n).toBeLessThan(0.65);
    expect(legacy / n).toBeGreaterThan(0.03);
    expect(legacy / n).toBeLessThan(0.06);
  });

  it('has a few documents over 30 MB (streamed), every other text-holding file generated', () => {
    const ent = buildEnterprise({ seed: SEED, users: 20, files: 20_000, historyEnd: Date.UTC(2026, 0, 1) });
    let large = 0;
    for (let k = 0; k < 20_000; k++) {
      const f = generateFile(ent.space, k);
      expect(f.hasText, f.ext).toBe(!MEDIA_EXTENSIONS.has(f.ext));
      if (f.hasText && f.body === 'stream') {
        large++;
        expect(f.size).toBeGreaterThan(30 * 1024 * 1024);
      }
    }
    expect(large).toBeGreaterThan(20);
    expect(large / 20_000).toBeLessThan(0.02);
  });

  it('makes about 3% of files byte-identical copies of an earlier file of the same type', () => {
    const ent = buildEnterprise({ seed: SEED, users: 20, files: 20_000, historyEnd: Date.UTC(2026, 0, 1) });
    const login = (u: number) => ent.users[u]?.login ?? '';
    const copies: number[] = [];
    for (let k = 0; k < 20_000; k++) if (generateFile(ent.space, k).duplicateOf !== null) copies.push(k);
    expect(copies.length / 20_000).toBeGreaterThan(0.02);
    expect(copies.length / 20_000).toBeLessThan(0.04);
    const digest = (b: Buffer | undefined) =>
      createHash('sha1')
        .update(b ?? Buffer.alloc(0))
        .digest('hex');
    for (const k of copies.slice(0, 60)) {
      const copy = generateFile(ent.space, k);
      const source = generateFile(ent.space, copy.duplicateOf ?? -1);
      expect(source.k).toBeLessThan(k);
      expect(source.ext).toBe(copy.ext);
      const a = fileDocument(ent.space, copy, copy.version, login);
      const b = fileDocument(ent.space, source, source.version, login);
      expect(digest(a?.bytes), `${copy.ext} #${k}`).toBe(digest(b?.bytes));
      expect(a?.truth).toEqual(b?.truth);
      // Once edited, a copy is its own file again.
      expect(digest(fileDocument(ent.space, copy, copy.version + 1, login)?.bytes)).not.toBe(digest(b?.bytes));
    }
  });
});
