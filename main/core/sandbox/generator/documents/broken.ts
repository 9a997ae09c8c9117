/**
 * The seeded few documents a reader must refuse: password-protected (a PDF with a user password,
 * an OOXML file inside a CFB container with EncryptionInfo/EncryptedPackage), truncated, or not
 * what their extension says.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { Rng } from '../prng';
import { writeCfb } from './cfb';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pseudoBytes(r: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = r.int(256);
  return b;
}

const AGILE_INFO =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
  'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
  'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="SALT"/>' +
  '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
  'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="SALT" ' +
  'encryptedKeyValue="KEY"/></keyEncryptor></keyEncryptors></encryption>';

/** An Office file saved with "Encrypt with password": agile EncryptionInfo + EncryptedPackage. */
export function encryptedOffice(plainLength: number, r: Rng): Buffer {
  const info = Buffer.concat([
    Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]),
    Buffer.from(
      AGILE_INFO.replace(/SALT/g, pseudoBytes(r, 16).toString('base64')).replace(
        'KEY',
        pseudoBytes(r, 32).toString('base64'),
      ),
    ),
  ]);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(plainLength, 0);
  const body = pseudoBytes(r, Math.max(4096, Math.ceil(plainLength / 16) * 16));
  return writeCfb([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: Buffer.concat([size, body]) },
  ]);
}

/** The first 30-70% of the real bytes: no central directory, no catalog. */
export function truncated(bytes: Buffer, r: Rng): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * (0.3 + 0.4 * r.next()))));
}

/** Content that is not what the name says: a web page saved as .pdf, an image saved as anything else. */
export function mislabelled(ext: string, r: Rng): Buffer {
  if (ext === 'pdf')
    return Buffer.from(
      '<!DOCTYPE html>\n<html><head><title>Document moved</title></head><body><p>This document has moved.</p></body></html>\n',
    );
  return png(r);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A real small PNG of noise (what a screenshot saved under the wrong name looks like). */
function png(r: Rng): Buffer {
  const side = 16 + r.int(48);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc(side * (1 + side * 3));
  for (let y = 0; y < side; y++) raw.set(pseudoBytes(r, side * 3), y * (1 + side * 3) + 1);
  return Buffer.concat([
    PNG_MAGIC,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
