/**
 * The PDF standard security handler, revision 3 (RC4, 128-bit key), as in ISO 32000-1 §7.6.3:
 * a user password is set, so a reader without it must refuse the file (pdf.js raises
 * PasswordException). Algorithms 2, 3 and 5 of the standard, nothing more.
 */
import { createHash } from 'node:crypto';
import { rc4 } from './rc4';

const PAD = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a'.match(/../g)?.map((h) => parseInt(h, 16)) ?? [],
);
const PERMISSIONS = -3904;

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
}

/** RC4 with the key, then 19 more passes with the key XOR-ed with the pass number. */
function rc4Passes(key: Buffer, data: Buffer): Buffer {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++) out = rc4(Buffer.from(key.map((b) => b ^ i)), out);
  return out;
}

export interface PdfSecurity {
  /** The /Encrypt dictionary's body. */
  dict: string;
  /** Encrypts one object's stream or string bytes. */
  encrypt(objectNumber: number, data: Uint8Array): Buffer;
}

export function standardSecurity(userPassword: string, ownerPassword: string, id: Buffer): PdfSecurity {
  let ownerKey = md5(padded(ownerPassword));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey);
  const o = rc4Passes(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(PERMISSIONS);
  let key = md5(padded(userPassword), o, p, id);
  for (let i = 0; i < 50; i++) key = md5(key);
  const u = Buffer.concat([rc4Passes(key, md5(PAD, id)), Buffer.alloc(16)]);
  return {
    dict: `<< /Filter /Standard /V 2 /R 3 /Length 128 /P ${PERMISSIONS} /O <${o.toString('hex')}> /U <${u.toString('hex')}> >>`,
    encrypt(n, data) {
      const objectKey = md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 16);
      return rc4(objectKey, data);
    },
  };
}
