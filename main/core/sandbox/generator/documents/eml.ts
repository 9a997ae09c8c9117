/**
 * Mail messages (eml): multipart/mixed with a text body in quoted-printable or base64 and
 * base64 attachments (txt, csv, docx, pdf). Headers carry the sender's address: they are
 * metadata, not inspected, and not counted in the truth.
 */
import { emptyTruth, type SensitiveTruth } from '../content';
import type { Rng } from '../prng';
import { addTruth, linesOf } from './model';
import { makePart, partModel, type PartKind, type PartSource } from './parts';

const ATTACHMENTS: [PartKind, string][] = [
  ['txt', 'text/plain'],
  ['csv', 'text/csv'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['pdf', 'application/pdf'],
];

/** RFC 2045 quoted-printable: '=' and non-printables escaped, soft breaks at 76 columns. */
export function quotedPrintable(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let enc = '';
      for (const byte of Buffer.from(line, 'utf8')) {
        const printable = byte >= 32 && byte < 127 && byte !== 61;
        enc += printable ? String.fromCharCode(byte) : '=' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
      const out: string[] = [];
      let rest = enc.replace(/ $/, '=20');
      while (rest.length > 75) {
        let cut = 75;
        // Never split an =XX escape.
        if (rest[cut - 1] === '=') cut -= 1;
        else if (rest[cut - 2] === '=') cut -= 2;
        out.push(rest.slice(0, cut) + '=');
        rest = rest.slice(cut);
      }
      out.push(rest);
      return out.join('\r\n');
    })
    .join('\r\n');
}

function base64Lines(b: Buffer): string {
  return (b.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export function writeEml(
  src: PartSource,
  r: Rng,
  from: string,
  subject: string,
): { bytes: Buffer; truth: SensitiveTruth } {
  const truth = emptyTruth();
  const boundary = `=_sandbox_${src.k.toString(36)}_${r.int(1e9).toString(36)}`;
  const bodyModel = partModel(src);
  addTruth(truth, bodyModel.truth);
  const body = linesOf(bodyModel).join('\n') + '\n';
  const qp = r.chance(0.6);
  const parts = [
    'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Transfer-Encoding: ${qp ? 'quoted-printable' : 'base64'}\r\n\r\n` +
      (qp ? quotedPrintable(body) : base64Lines(Buffer.from(body))),
  ];
  const count = r.int(4);
  for (let i = 0; i < count; i++) {
    const [kind, type] = r.pick(ATTACHMENTS);
    const part = makePart(kind, src);
    addTruth(truth, part.truth);
    const name = `attachment-${i + 1}.${kind}`;
    parts.push(
      `Content-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(part.bytes)}`,
    );
  }
  const head =
    `From: ${from}\r\nTo: records@example.com\r\nSubject: ${subject}\r\nDate: Fri, 01 Mar 2024 09:00:00 +0000\r\n` +
    `Message-ID: <${src.k}.${src.seed}@sandbox.invalid>\r\nMIME-Version: 1.0\r\n` +
    `Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\nThis is a multi-part message in MIME format.\r\n`;
  const mail = head + parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`;
  return { bytes: Buffer.from(mail), truth };
}
