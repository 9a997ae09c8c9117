/**
 * The abstract content of one generated document: paragraphs and table rows drawn from the same
 * seeded value stream as text files, so every format renders the same words and the same truth.
 * The layout choices (where a value is split into runs, which cells are inline strings) come from
 * a separate stream: they never change what the document says.
 */
import { emptyTruth, valueSource, type SensitiveTruth } from '../content';
import { hash, Rng, S } from '../prng';
import { FIRST_NAMES, LAST_NAMES, TOPICS } from '../words';

export type Block = { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

export interface DocModel {
  title: string;
  blocks: Block[];
  truth: SensitiveTruth;
  /** Layout randomness only (run splits, cell kinds, compression choices). */
  layout: Rng;
  /** A fixed draw for structure (sheet count...): read twice (bytes, Box text), same answer. */
  shape: number;
}

export interface ModelOptions {
  /** 0 for the file itself; archive entries and attachments use their own part numbers. */
  part?: number;
  /** Size hint: how many lines of detail. */
  minRows?: number;
  maxRows?: number;
}

const STATUS = ['ok', 'checked', 'pending', 'approved', 'on hold'];

export function docModel(seed: number, k: number, version: number, o: ModelOptions = {}): DocModel {
  const part = o.part ?? 0;
  const r = new Rng(hash(seed, S.document, k, part));
  const truth = emptyTruth();
  const value = valueSource(r, r.chance(0.35), truth);
  const title = r.pick(TOPICS);
  const rows = (o.minRows ?? 8) + r.int((o.maxRows ?? 60) - (o.minRows ?? 8) + 1);
  const blocks: Block[] = [{ kind: 'para', text: title }];
  let table: string[][] | null = null;
  for (let i = 0; i < rows; i++) {
    const who = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    const amount = (r.int(1_000_000) / 100).toFixed(2);
    const v = value();
    if (table && r.chance(0.8)) {
      // Detail sits between two text cells, so no reader joining cells can glue digits onto it.
      table.push([who, v, r.pick(STATUS), amount]);
      continue;
    }
    table = null;
    if (r.chance(0.15)) {
      table = [
        ['Name', 'Detail', 'Status', 'Amount'],
        [who, v, r.pick(STATUS), amount],
      ];
      blocks.push({ kind: 'table', rows: table });
    } else
      blocks.push({ kind: 'para', text: `${who} - ${title.toLowerCase()} item ${i + 1}: ${v}; amount ${amount}.` });
  }
  // Each saved version adds a line, so an edit changes size and SHA-1 like a real save does.
  for (let v = 1; v <= version; v++) blocks.push({ kind: 'para', text: `Revision ${v}: updated.` });
  return {
    title,
    blocks,
    truth,
    layout: new Rng(hash(seed, S.docPart, k, part)),
    shape: hash(seed, S.docPart, k, part + 0x10000),
  };
}

/** Paragraphs in reading order; each table cell counts as one (the docx/odt location rule). */
export function paragraphsOf(m: DocModel): string[] {
  const out: string[] = [];
  for (const b of m.blocks) {
    if (b.kind === 'para') out.push(b.text);
    else for (const row of b.rows) out.push(...row);
  }
  return out;
}

/** Lines as a page shows them: a table row is one line, its cells separated by " | ". */
export function linesOf(m: DocModel): string[] {
  const out: string[] = [];
  for (const b of m.blocks) {
    if (b.kind === 'para') out.push(b.text);
    else for (const row of b.rows) out.push(row.join(' | '));
  }
  return out;
}

/** Cuts a string into 1-4 non-empty pieces at seeded places, as editors split text into runs. */
export function splitRuns(text: string, r: Rng): string[] {
  const n = text.length < 4 ? 1 : 1 + r.int(4);
  const cuts = new Set<number>();
  for (let i = 1; i < n; i++) cuts.add(1 + r.int(text.length - 1));
  // Most labelled values ("Card number: 4111 ...") get a cut inside the value itself: the case a
  // reader that inspects runs one by one gets wrong.
  const label = text.indexOf(': ');
  if (label >= 0 && text.length > label + 6 && r.chance(0.6))
    cuts.add(label + 3 + r.int(Math.min(10, text.length - label - 4)));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const c of sorted) {
    out.push(text.slice(at, c));
    at = c;
  }
  out.push(text.slice(at));
  return out;
}

/** Sums archive parts' truths into one. */
export function addTruth(into: SensitiveTruth, t: SensitiveTruth): SensitiveTruth {
  for (const key of Object.keys(into) as (keyof SensitiveTruth)[]) into[key] += t[key];
  return into;
}
