/**
 * Cost of the sandbox's real documents: mean generation time per document by format (CPU time
 * of this process, so other load on the machine does not count), and the cost of listing 1,000
 * files' size and SHA-1 cold (generated) and warm (from the world's LRU).
 * Run: npx tsx test/bench/sandbox-documents.ts
 */
import { createHash } from 'node:crypto';
import { generateDocument, GENERATED_EXTENSIONS } from '../../main/core/sandbox/generator/documents';
import { buildEnterprise } from '../../main/core/sandbox/generator/enterprise';
import { World } from '../../main/core/sandbox/state/world';

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

const PER_FORMAT = Number(process.env.PER_FORMAT ?? 300);
generateDocument(1, 1, 'docx', 0, 'warm@example.com'); // JIT warm-up
console.log('format    ms/doc   bytes/doc');
for (const ext of GENERATED_EXTENSIONS) {
  let bytes = 0;
  const ms = cpuMs(() => {
    for (let k = 0; k < PER_FORMAT; k++) {
      const d = generateDocument(7, k, ext, k % 3, 'ava.smith@example.com');
      createHash('sha1').update(d.bytes).digest('hex');
      bytes += d.bytes.length;
    }
  });
  console.log(
    `${ext.padEnd(8)} ${(ms / PER_FORMAT).toFixed(3).padStart(7)} ${String(Math.round(bytes / PER_FORMAT)).padStart(10)}`,
  );
}

const FILES = 20_000;
const ent = buildEnterprise({ seed: 7, users: 50, files: FILES, historyEnd: Date.UTC(2026, 0, 1) });
const world = new World(
  ent,
  {
    clientId: 'c',
    clientSecret: 's',
    name: 'bench',
    redirectUris: [],
    scopes: new Set(),
    asUserEnabled: true,
    disabledByAdmin: false,
    accessTtlMs: 3_600_000,
  },
  { hasEnterprise: true, restrictUnpublished: false, allowedClientIds: new Set() },
);
const list = () => {
  for (let k = 0; k < FILES; k++) {
    const b = world.file(k)?.bytes();
    if (!b || b.sha1.length !== 40) throw new Error('bad summary');
  }
};
const cold = cpuMs(list);
const warm = cpuMs(list);
console.log(
  `listing size+sha1, default mix: cold ${(cold / (FILES / 1000)).toFixed(0)} ms per 1,000 files (target <= 1,000: <= 1 ms per document), warm ${(warm / (FILES / 1000)).toFixed(1)} ms per 1,000 files`,
);
