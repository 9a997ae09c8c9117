/**
 * OpenDocument files (odt, ods, odp): mimetype first and stored, a manifest, content.xml.
 * Paragraph text is split into <text:span> runs; the model only has single spaces, which ODF's
 * white-space rule keeps, so a reader concatenating spans gets the model's text back.
 */
import type { Rng } from '../prng';
import { splitRuns, type DocModel } from './model';
import { sheetsOf } from './sheets';
import { slidesOf } from './pptx';
import { esc, writeZip, XML_HEAD } from './xml';

const MIME: Record<string, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ' +
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';

function para(text: string, r: Rng): string {
  const spans = splitRuns(text, r).map((s, i) =>
    i === 0 ? esc(s) : `<text:span text:style-name="T${i % 2}">${esc(s)}</text:span>`,
  );
  return `<text:p>${spans.join('')}</text:p>`;
}

function textBody(m: DocModel): string {
  let out = '';
  for (const b of m.blocks) {
    if (b.kind === 'para') out += para(b.text, m.layout);
    else {
      out += '<table:table table:name="Table"><table:table-column table:number-columns-repeated="4"/>';
      for (const row of b.rows)
        out += `<table:table-row>${row.map((c) => `<table:table-cell office:value-type="string">${para(c, m.layout)}</table:table-cell>`).join('')}</table:table-row>`;
      out += '</table:table>';
    }
  }
  return `<office:text>${out}</office:text>`;
}

function spreadsheetBody(m: DocModel): string {
  let out = '';
  for (const s of sheetsOf(m)) {
    out += `<table:table table:name="${esc(s.name)}"><table:table-column table:number-columns-repeated="4"/>`;
    for (const row of s.rows) {
      out += '<table:table-row>';
      for (const c of row)
        out +=
          'number' in c
            ? `<table:table-cell office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`
            : `<table:table-cell office:value-type="string">${para(c.text, m.layout)}</table:table-cell>`;
      out += '</table:table-row>';
    }
    out += '</table:table>';
  }
  return `<office:spreadsheet>${out}</office:spreadsheet>`;
}

function presentationBody(m: DocModel): string {
  const pages = slidesOf(m).map(
    (lines, i) =>
      `<draw:page draw:name="page${i + 1}" draw:master-page-name="Default"><draw:frame svg:x="1cm" svg:y="1cm" svg:width="25cm" svg:height="15cm">` +
      `<draw:text-box>${lines.map((l) => para(l, m.layout)).join('')}</draw:text-box></draw:frame></draw:page>`,
  );
  return `<office:presentation>${pages.join('')}</office:presentation>`;
}

const STYLES =
  '<office:automatic-styles><style:style style:name="T0" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>' +
  '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>';

export function writeOdf(m: DocModel, ext: 'odt' | 'ods' | 'odp'): Buffer {
  const mime = MIME[ext] ?? '';
  const body = ext === 'odt' ? textBody(m) : ext === 'ods' ? spreadsheetBody(m) : presentationBody(m);
  const content = `${XML_HEAD}<office:document-content ${NS} office:version="1.2">${STYLES}<office:body>${body}</office:body></office:document-content>`;
  const manifest =
    `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mime}"/>` +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  const meta =
    `${XML_HEAD}<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta><dc:title>${esc(m.title)}</dc:title></office:meta></office:document-meta>`;
  return writeZip([
    { path: 'mimetype', data: mime, store: true },
    { path: 'META-INF/manifest.xml', data: manifest },
    { path: 'content.xml', data: content },
    { path: 'meta.xml', data: meta },
  ]);
}
