/**
 * The three standard PDF fonts the runbook uses (every PDF reader has them, so nothing is
 * embedded or fetched), their glyph widths for line wrapping, and the WinAnsi encoding of text.
 * Widths are in 1/1000 em, from Adobe's AFM files for the printable ASCII range.
 */
export type PdfFont = 'regular' | 'bold' | 'mono';

export const FONT_RESOURCES: Record<PdfFont, { resource: string; baseFont: string }> = {
  regular: { resource: 'F1', baseFont: 'Helvetica' },
  bold: { resource: 'F2', baseFont: 'Helvetica-Bold' },
  mono: { resource: 'F3', baseFont: 'Courier-Bold' },
};

// Characters 32..126.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const HELVETICA_BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];

/** Typographic characters the step texts use, mapped to their WinAnsi codes. */
const WIN_ANSI: Record<string, number> = {
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '…': 0x85,
  '•': 0x95,
};
const WIDE_PUNCTUATION: Record<string, number> = {
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '–': 556,
  '—': 1000,
  '…': 1000,
  '•': 350,
  '·': 278,
};

export function charWidth(char: string, font: PdfFont): number {
  if (font === 'mono') return 600;
  const code = char.charCodeAt(0);
  const table = font === 'bold' ? HELVETICA_BOLD : HELVETICA;
  return table[code - 32] ?? WIDE_PUNCTUATION[char] ?? 556;
}

export function textWidth(text: string, font: PdfFont, size: number): number {
  let total = 0;
  for (const char of text) total += charWidth(char, font);
  return (total * size) / 1000;
}

/** A PDF literal string in WinAnsi: ASCII as is (escaped), typographic marks as octal codes. */
export function pdfString(text: string): string {
  let out = '(';
  for (const char of text) {
    if (char === '(' || char === ')' || char === '\\') out += '\\' + char;
    else if (char >= ' ' && char <= '~') out += char;
    else {
      const latin1 = char.charCodeAt(0);
      // Latin-1's upper half has the same codes in WinAnsi; '?' for anything else.
      const code = WIN_ANSI[char] ?? (latin1 >= 0xa0 && latin1 <= 0xff ? latin1 : 0x3f);
      out += '\\' + code.toString(8).padStart(3, '0');
    }
  }
  return out + ')';
}
