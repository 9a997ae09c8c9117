#!/usr/bin/env node
// Regenerates every platform's app icon from the one source, assets/icon.svg:
//   assets/icons/NxN.png  Linux (AppImage, deb) and the window icon: 16 … 1024 px
//   assets/icon.ico       Windows: 16, 24, 32, 48, 64, 128, 256 px (PNG-compressed entries)
//   assets/icon.icns      macOS: 16 … 1024 px, 1x and 2x (PNG entries)
// Rasterised with rsvg-convert (Debian: librsvg2-bin); .ico and .icns are assembled here so no
// platform tool is needed. Run `npm run icons` after changing icon.svg and commit the results.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = dirname(fileURLToPath(import.meta.url));
const source = join(assets, 'icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS PNG entry types and their pixel sizes (Apple's icon family table).
export const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

function render(size) {
  return execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-f', 'png', source]);
}

function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

function icns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  readFileSync(source); // fail early and clearly if the source is missing
  const pngs = new Map(LINUX_SIZES.map((size) => [size, render(size)]));
  mkdirSync(join(assets, 'icons'), { recursive: true });
  for (const [size, png] of pngs) writeFileSync(join(assets, 'icons', `${size}x${size}.png`), png);
  writeFileSync(join(assets, 'icon.ico'), ico(WINDOWS_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(assets, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  writeFileSync(join(assets, 'icon.png'), pngs.get(1024));
  console.log(`icons: ${LINUX_SIZES.length} PNGs, icon.ico (${WINDOWS_SIZES.length} sizes), icon.icns (${ICNS_TYPES.length} entries)`);
}
