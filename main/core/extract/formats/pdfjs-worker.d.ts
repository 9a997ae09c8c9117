// pdfjs-dist ships no types for its worker module; the fake worker only needs its handler.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
