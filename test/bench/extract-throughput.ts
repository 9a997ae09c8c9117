/**
 * Issue 14, figure 5: local extraction throughput, MB of input per second per core, for PDF and
 * for OOXML (docx, xlsx, pptx), through the real extractor child process (one process = one
 * core: parsing is single-threaded), bytes sent over IPC included. Documents are hand-made here
 * (test/helpers/extract-fixtures.ts), about 1 MB each, with seeded values so detection runs too.
 *
 * Targets: at the scan's usual `--rate-limit 20`, 20 downloads a second of documents averaging
 * ~100 KB is ~2 MB/s, so one core reading PDF (the slowest format: content streams to inflate
 * and interpret) at ≥ 2 MB/s keeps up with the downloads; OOXML is inflate plus a SAX pass, an
 * order of magnitude cheaper, so ≥ 10 MB/s leaves headroom for the larger spreadsheets.
 */
import { availableParallelism, loadavg } from 'node:os';
import { ExtractorPool } from '../../main/core/extract/extractor-pool';
import { nodeExtractorSpawner } from '../../main/core/extract/node-extractor-spawner';
import { buildDocx, buildPdf, buildPptx, buildXlsx, type PdfLine } from '../helpers/extract-fixtures';
import { figure } from './scan-support';

const FILES = Number(process.argv[2] ?? 12);

const VOCABULARY =
  'the of and to in is for on with as by at from account invoice payment holder balance transfer branch customer employee salary review quarter policy contract renewal approved pending overdue region north south office ledger'.split(
    ' ',
  );
let seed = 14;
/** A deterministic pseudo-random number (mulberry32): text that compresses like prose, not like a pattern. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** About 80 characters of business prose with numbers; every 50th line holds a card number. */
function words(i: number): string {
  const out: string[] = [];
  while (out.join(' ').length < 70) {
    const r = random();
    out.push(r < 0.2 ? String(Math.floor(random() * 1e6)) : VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
  }
  return i % 50 === 0 ? `${out.join(' ')} card 4111 1111 1111 1111` : out.join(' ');
}

function pdfOf(pages: number): Buffer {
  const page = (p: number): PdfLine[] => Array.from({ length: 45 }, (_, l) => [words(p * 45 + l)]);
  return buildPdf(
    Array.from({ length: pages }, (_, p) => page(p)),
    { compress: true },
  );
}

function ooxmlSet(): { name: string; ext: string; bytes: Buffer }[] {
  const paragraphs = Array.from({ length: 11_000 }, (_, i) => [words(i).slice(0, 40), words(i).slice(40)]);
  const cells: Record<string, string> = {};
  for (let i = 1; i <= 11_000; i++) cells[`B${i}`] = words(i);
  const slides = Array.from({ length: 600 }, (_, s) => Array.from({ length: 12 }, (_, p) => [words(s * 12 + p)]));
  return [
    { name: 'report.docx', ext: 'docx', bytes: buildDocx(paragraphs) },
    { name: 'ledger.xlsx', ext: 'xlsx', bytes: buildXlsx({ Ledger: cells }) },
    { name: 'deck.pptx', ext: 'pptx', bytes: buildPptx(slides) },
  ];
}

async function throughput(pool: ExtractorPool, files: { name: string; ext: string; bytes: Buffer }[]) {
  let bytes = 0;
  let chars = 0;
  const started = process.hrtime.bigint();
  for (const file of files) {
    const result = await pool.inspect(file);
    if (result.state !== 'Completed') throw new Error(`${file.name}: ${result.state} ${result.reason}`);
    bytes += file.bytes.length;
    chars += result.chars;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    mbPerSecond: bytes / 1024 / 1024 / seconds,
    mb: bytes / 1024 / 1024,
    seconds,
    charsPerSecond: chars / seconds,
  };
}

const pool = new ExtractorPool({ spawn: nodeExtractorSpawner(), deadlineMs: 120_000 });
try {
  // Warm up: the process starts and loads its readers once per life, not per file.
  await pool.inspect({ name: 'warm.pdf', ext: 'pdf', bytes: pdfOf(1) });
  await pool.inspect({ name: 'warm.docx', ext: 'docx', bytes: buildDocx([['warm']]) });
  const pdfs = Array.from({ length: FILES }, (_, i) => ({ name: `f${i}.pdf`, ext: 'pdf', bytes: pdfOf(60) }));
  const ooxml = Array.from({ length: Math.ceil(FILES / 3) }, () => ooxmlSet()).flat();
  const pdf = await throughput(pool, pdfs);
  const office = await throughput(pool, ooxml);
  const detail = (t: { mb: number; seconds: number; charsPerSecond: number }) =>
    `${t.mb.toFixed(1)} MB in ${t.seconds.toFixed(1)} s, ${(t.charsPerSecond / 1e6).toFixed(1)} M characters/s`;
  // Shared 2-core machines: the load says how far a figure is from an idle core's.
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  figure(
    'local extraction, PDF, per core',
    `${pdf.mbPerSecond.toFixed(1)} MB/s (${detail(pdf)})`,
    '≥ 2 MB/s',
    pdf.mbPerSecond >= 2,
  );
  figure(
    'local extraction, OOXML (docx, xlsx, pptx), per core',
    `${office.mbPerSecond.toFixed(1)} MB/s (${detail(office)})`,
    '≥ 10 MB/s',
    office.mbPerSecond >= 10,
  );
  figure(
    'extractor peak RSS',
    `${(pool.peakRssBytes / 1024 / 1024).toFixed(0)} MB`,
    '< 1024 MB',
    pool.peakRssBytes < 1024 ** 3,
  );
} finally {
  await pool.close();
}
