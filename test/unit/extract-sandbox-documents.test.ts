/**
 * The extractor against the sandbox's generated documents, in process: for every format, each
 * document's outcome and counts equal the ground truth. A bug found this way: zips whose
 * entries carry data descriptors (the sandbox's, Java's, macOS's) came back "corrupted"
 * (fflate's streaming Unzip cut them at a false signature); yauzl reads the central directory.
 */
import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../main/core/extract/inspect-bytes';
import { buildEnterprise } from '../../main/core/sandbox/generator/enterprise';
import { fileDocument, generateFile } from '../../main/core/sandbox/generator/files';

const FORMATS = ['pdf', 'docx', 'docm', 'xlsx', 'xlsm', 'pptx', 'odt', 'ods', 'odp', 'zip', 'eml', 'txt', 'csv'];
const PER_FORMAT = 25;
const ent = buildEnterprise({ seed: 1414, users: 12, files: 40_000, historyEnd: Date.UTC(2026, 0, 1) });

describe('the extractor reads the sandbox documents exactly as the truth says', () => {
  for (const ext of FORMATS)
    it(`.${ext}`, async () => {
      let seen = 0;
      for (let k = 0; k < ent.space.files && seen < PER_FORMAT; k++) {
        const f = generateFile(ent.space, k);
        if (f.ext !== ext) continue;
        const doc = fileDocument(ent.space, f, f.version, (u) => ent.users[u]?.login ?? '');
        if (!doc) continue; // streamed: over 30 MB, never downloaded
        seen++;
        const r = await inspectBytes({ ext, name: f.name, bytes: doc.bytes });
        const { lookalike: _, ...counts } = doc.truth;
        expect({ k, state: r.state, reason: r.reason }).toEqual({ k, ...doc.expected });
        if (doc.expected.state !== 'Failed') expect({ k, counts: r.findings }).toEqual({ k, counts });
      }
      expect(seen).toBe(PER_FORMAT);
    }, 60_000);
});
