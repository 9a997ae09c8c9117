/**
 * Reads Box's upload body (multipart/form-data: the `attributes` JSON part, then the file part)
 * with busboy, holding at most `maxFileBytes` of the file in memory. Runs in the sandbox.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export interface UploadBody {
  /** The `attributes` part as sent (JSON text), or null when missing. */
  attributes: string | null;
  file: Buffer | null;
  fileName: string | null;
  /** The file part came before `attributes` (Box: 400 metadata_after_file_contents). */
  fileBeforeAttributes: boolean;
  /** The file was larger than allowed; its bytes were not kept. */
  tooLarge: boolean;
}

export class MultipartError extends Error {}

export function readUploadBody(req: IncomingMessage, maxFileBytes: number): Promise<UploadBody> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 8, fieldSize: 64 * 1024, fileSize: maxFileBytes },
      });
    } catch (e) {
      return reject(new MultipartError(e instanceof Error ? e.message : String(e)));
    }
    const out: UploadBody = {
      attributes: null,
      file: null,
      fileName: null,
      fileBeforeAttributes: false,
      tooLarge: false,
    };
    let fileDone: Promise<void> = Promise.resolve();
    bb.on('field', (name, value) => {
      if (name === 'attributes') out.attributes = value;
    });
    bb.on('file', (_name, stream, info) => {
      if (out.attributes === null) out.fileBeforeAttributes = true;
      out.fileName = info.filename ?? null;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => {
        if (!out.tooLarge) chunks.push(c);
      });
      stream.on('limit', () => {
        out.tooLarge = true;
        chunks.length = 0;
      });
      fileDone = new Promise((done) =>
        stream.on('end', () => {
          if (!out.tooLarge) out.file = Buffer.concat(chunks);
          done();
        }),
      );
    });
    bb.on('error', (e: unknown) => reject(new MultipartError(e instanceof Error ? e.message : String(e))));
    bb.on('close', () => void fileDone.then(() => resolve(out)));
    req.pipe(bb);
  });
}
