/**
 * Word documents (docx, docm): WordprocessingML in an OPC zip. Each paragraph's text is split
 * into several runs (some bold), tables hold one paragraph per cell, xml:space="preserve" keeps
 * the spaces at run edges: a reader concatenating runs gets the model's text back exactly.
 */
import type { Rng } from '../prng';
import { paragraphsOf, splitRuns, type DocModel } from './model';
import { esc, writeZip, XML_HEAD } from './xml';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const MAIN_TYPE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  docm: 'application/vnd.ms-word.document.macroEnabled.main+xml',
};

function runs(text: string, r: Rng): string {
  return splitRuns(text, r)
    .map((t) => `<w:r>${r.chance(0.2) ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`)
    .join('');
}

function body(m: DocModel): string {
  const r = m.layout;
  let out = '';
  for (const b of m.blocks) {
    if (b.kind === 'para') {
      out += `<w:p>${runs(b.text, r)}</w:p>`;
      continue;
    }
    out += '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>';
    out += '<w:gridCol w:w="2400"/>'.repeat(4) + '</w:tblGrid>';
    for (const row of b.rows)
      out += `<w:tr>${row.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr><w:p>${runs(c, r)}</w:p></w:tc>`).join('')}</w:tr>`;
    out += '</w:tbl>';
  }
  return out;
}

export function coreProps(title: string): string {
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title><dc:creator>Box Sandbox</dc:creator>` +
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:00:00Z</dcterms:created></cp:coreProperties>'
  );
}

export function appProps(app: string): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    `<Application>${app}</Application></Properties>`
  );
}

/** The package-level rels shared by every OOXML format. */
export function packageRels(mainPart: string): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="${mainPart}"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
    '</Relationships>'
  );
}

export function contentTypes(overrides: Record<string, string>): string {
  let out =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>';
  for (const [part, type] of Object.entries(overrides)) out += `<Override PartName="${part}" ContentType="${type}"/>`;
  return out + '</Types>';
}

const STYLES =
  XML_HEAD +
  `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/>` +
  '<w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>' +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>';

export function writeDocx(m: DocModel, ext: 'docx' | 'docm'): Buffer {
  const document =
    XML_HEAD +
    `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body(m)}` +
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>';
  return writeZip([
    {
      path: '[Content_Types].xml',
      data: contentTypes({
        '/word/document.xml': MAIN_TYPE[ext] ?? '',
        '/word/styles.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
      }),
    },
    { path: '_rels/.rels', data: packageRels('word/document.xml') },
    { path: 'docProps/core.xml', data: coreProps(m.title) },
    { path: 'docProps/app.xml', data: appProps('Microsoft Office Word') },
    {
      path: 'word/_rels/document.xml.rels',
      data: `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    },
    { path: 'word/document.xml', data: document },
    { path: 'word/styles.xml', data: STYLES },
  ]);
}

/** What a reader following the joining rules gets: paragraphs (table cells too) joined by '\n'. */
export function docxText(m: DocModel): string {
  return paragraphsOf(m).join('\n');
}
