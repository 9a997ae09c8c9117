/**
 * PowerPoint decks (pptx, pptm): PresentationML with the master, layout and theme a reader
 * expects. Each slide has a title and a body shape; every paragraph is split into <a:r> runs.
 */
import type { Rng } from '../prng';
import { linesOf, splitRuns, type DocModel } from './model';
import { appProps, contentTypes, coreProps, packageRels } from './docx';
import { esc, writeZip, XML_HEAD } from './xml';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS = `xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}"`;
const MAIN_TYPE: Record<string, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  pptm: 'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml',
};
const CT = 'application/vnd.openxmlformats-officedocument';
const LINES_PER_SLIDE = 8;

export function slidesOf(m: DocModel): string[][] {
  const lines = linesOf(m);
  const slides: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SLIDE) slides.push(lines.slice(i, i + LINES_PER_SLIDE));
  return slides;
}

const GROUP = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>';

function shape(id: number, name: string, paras: string[], r: Rng, y: number, h: number): string {
  const body = paras
    .map(
      (t) =>
        `<a:p>${splitRuns(t, r)
          .map((s) => `<a:r><a:rPr lang="en-US" dirty="0"/><a:t>${esc(s)}</a:t></a:r>`)
          .join('')}</a:p>`,
    )
    .join('');
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8229600" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr wrap="square"/><a:lstStyle/>${body}</p:txBody></p:sp>`
  );
}

function slideXml(lines: string[], r: Rng): string {
  const [title = '', ...rest] = lines;
  const shapes =
    shape(2, 'Title 1', [title], r, 274638, 1143000) +
    (rest.length ? shape(3, 'Text 2', rest, r, 1600200, 4525963) : '');
  return `${XML_HEAD}<p:sld ${NS}><p:cSld><p:spTree>${GROUP}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
}

const MASTER =
  `${XML_HEAD}<p:sldMaster ${NS}><p:cSld><p:spTree>${GROUP}</p:spTree></p:cSld>` +
  '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
  '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>';
const LAYOUT = `${XML_HEAD}<p:sldLayout ${NS} type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>${GROUP}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;

function color(name: string, hex: string): string {
  return `<a:${name}><a:srgbClr val="${hex}"/></a:${name}>`;
}
const FONTS = '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>';
const FILLS = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'.repeat(3);
const LINES = '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'.repeat(3);
const THEME =
  `${XML_HEAD}<a:theme xmlns:a="${A}" name="Office Theme"><a:themeElements><a:clrScheme name="Office">` +
  color('dk1', '000000') +
  color('lt1', 'FFFFFF') +
  color('dk2', '44546A') +
  color('lt2', 'E7E6E6') +
  color('accent1', '4472C4') +
  color('accent2', 'ED7D31') +
  color('accent3', 'A5A5A5') +
  color('accent4', 'FFC000') +
  color('accent5', '5B9BD5') +
  color('accent6', '70AD47') +
  color('hlink', '0563C1') +
  color('folHlink', '954F72') +
  `</a:clrScheme><a:fontScheme name="Office"><a:majorFont>${FONTS}</a:majorFont><a:minorFont>${FONTS}</a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Office"><a:fillStyleLst>${FILLS}</a:fillStyleLst><a:lnStyleLst>${LINES}</a:lnStyleLst>` +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  `<a:bgFillStyleLst>${FILLS}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`;

function rels(items: [string, string][]): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${items.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${R}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

export function writePptx(m: DocModel, ext: 'pptx' | 'pptm'): Buffer {
  const slides = slidesOf(m);
  const overrides: Record<string, string> = {
    '/ppt/presentation.xml': MAIN_TYPE[ext] ?? '',
    '/ppt/slideMasters/slideMaster1.xml': `${CT}.presentationml.slideMaster+xml`,
    '/ppt/slideLayouts/slideLayout1.xml': `${CT}.presentationml.slideLayout+xml`,
    '/ppt/theme/theme1.xml': `${CT}.theme+xml`,
  };
  slides.forEach((_, i) => (overrides[`/ppt/slides/slide${i + 1}.xml`] = `${CT}.presentationml.slide+xml`));
  const presentation =
    `${XML_HEAD}<p:presentation ${NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
    `<p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 3}"/>`).join('')}</p:sldIdLst>` +
    '<p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>';
  const presRels = rels([
    ['slideMaster', 'slideMasters/slideMaster1.xml'],
    ['theme', 'theme/theme1.xml'],
    ...slides.map((_, i): [string, string] => ['slide', `slides/slide${i + 1}.xml`]),
  ]);
  const layoutRel = rels([['slideLayout', '../slideLayouts/slideLayout1.xml']]);
  return writeZip([
    { path: '[Content_Types].xml', data: contentTypes(overrides) },
    { path: '_rels/.rels', data: packageRels('ppt/presentation.xml') },
    { path: 'docProps/core.xml', data: coreProps(m.title) },
    { path: 'docProps/app.xml', data: appProps('Microsoft Office PowerPoint') },
    { path: 'ppt/presentation.xml', data: presentation },
    { path: 'ppt/_rels/presentation.xml.rels', data: presRels },
    { path: 'ppt/slideMasters/slideMaster1.xml', data: MASTER },
    {
      path: 'ppt/slideMasters/_rels/slideMaster1.xml.rels',
      data: rels([
        ['slideLayout', '../slideLayouts/slideLayout1.xml'],
        ['theme', '../theme/theme1.xml'],
      ]),
    },
    { path: 'ppt/slideLayouts/slideLayout1.xml', data: LAYOUT },
    {
      path: 'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
      data: rels([['slideMaster', '../slideMasters/slideMaster1.xml']]),
    },
    { path: 'ppt/theme/theme1.xml', data: THEME },
    ...slides.flatMap((s, i) => [
      { path: `ppt/slides/slide${i + 1}.xml`, data: slideXml(s, m.layout) },
      { path: `ppt/slides/_rels/slide${i + 1}.xml.rels`, data: layoutRel },
    ]),
  ]);
}

/** Box's text of a deck: each slide's paragraphs, '\n' separated, slides one after another. */
export function slidesText(m: DocModel): string {
  return slidesOf(m)
    .map((s) => s.join('\n'))
    .join('\n');
}
