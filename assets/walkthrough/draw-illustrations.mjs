// Draws the allowlist walkthrough's illustrations (assets/walkthrough/*.svg): simplified
// drawings of each Box Admin Console screen, made for this app (no screenshots), with the
// control to use outlined in orange. Run `node assets/walkthrough/draw-illustrations.mjs`
// after changing a scene; the SVGs are committed so the app needs nothing at build time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const W = 640;
// Each scene's height fits its content (set per scene), so no drawing is mostly empty space.
let H = 400;
const HIGHLIGHT = '#d9480f';
const SIDEBAR = 186;
const FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"";

const esc = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x, y, content, { size = 13, weight = 400, fill = '#1d1f23', anchor = 'start' } = {}) =>
  `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${esc(content)}</text>`;
const rect = (x, y, w, h, { fill = '#fff', stroke = '#c9d1d9', r = 4, width = 1 } = {}) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"/>`;
/** The orange outline (and a soft fill) that marks the control to use. */
const highlight = (x, y, w, h) =>
  `<rect x="${x - 5}" y="${y - 5}" width="${w + 10}" height="${h + 10}" rx="7" fill="${HIGHLIGHT}" fill-opacity="0.10" stroke="${HIGHLIGHT}" stroke-width="3"/>`;

function header({ gear = false, gearOpen = false }) {
  const parts = [rect(0, 0, W, 44, { fill: '#0b2545', stroke: 'none', r: 0 }), text(18, 28, 'box', { size: 20, weight: 700, fill: '#fff' }), text(68, 28, 'Admin Console', { size: 14, fill: '#dbe4f0' })];
  if (gear) {
    // A cog: a thick dashed ring reads as teeth around a hub.
    parts.push(`<circle cx="${W - 34}" cy="22" r="9" fill="none" stroke="#fff" stroke-width="5" stroke-dasharray="3.2 2.45"/><circle cx="${W - 34}" cy="22" r="6" fill="none" stroke="#fff" stroke-width="2.5"/>`);
    if (gearOpen) {
      parts.push(highlight(W - 46, 10, 24, 24));
      parts.push(rect(W - 210, 50, 190, 96, { fill: '#fff', stroke: '#8b949e' }));
      parts.push(text(W - 196, 76, 'Account Settings'));
      parts.push(highlight(W - 200, 88, 170, 22), text(W - 196, 104, 'Enterprise Settings', { weight: 700 }));
      parts.push(text(W - 196, 132, 'Help'));
    }
  }
  return parts.join('');
}

function sidebar(items) {
  const parts = [rect(0, 44, SIDEBAR, H - 44, { fill: '#f3f5f8', stroke: 'none', r: 0 })];
  let y = 76;
  for (const item of items) {
    const indent = item.child ? 24 : 16;
    if (item.active) parts.push(rect(6, y - 17, SIDEBAR - 12, 26, { fill: '#dde7f5', stroke: 'none' }));
    if (item.highlight) parts.push(highlight(8 + indent - 14, y - 16, SIDEBAR - 16 - indent + 10, 24));
    parts.push(text(indent, y, item.label, { weight: item.active ? 700 : 400, size: item.child ? 12 : 13 }));
    y += 32;
  }
  return parts.join('');
}

function tabs(x, y, items) {
  const parts = [];
  let cx = x;
  for (const item of items) {
    const w = item.label.length * 7.4 + 20;
    parts.push(text(cx + 10, y, item.label, { weight: item.active ? 700 : 400, fill: item.active ? '#0061d5' : '#444c56' }));
    if (item.active) parts.push(rect(cx, y + 8, w, 3, { fill: '#0061d5', stroke: 'none', r: 1 }));
    if (item.highlight) parts.push(highlight(cx, y - 16, w, 26));
    cx += w + 8;
  }
  parts.push(rect(x, y + 11, W - x - 20, 1, { fill: '#d0d7de', stroke: 'none', r: 0 }));
  return parts.join('');
}

/** Widgets stacked down the content area; each returns its SVG and height. */
function widget(x, y, spec, width) {
  const h = spec.highlight;
  switch (spec.type) {
    case 'heading':
      return [text(x, y + 18, spec.text, { size: 17, weight: 700 }), 32];
    case 'note':
      return [text(x, y + 14, spec.text, { size: 12, fill: '#57606a' }), 24];
    case 'toggle': {
      const on = spec.on;
      const svg = [
        rect(x, y + 2, 38, 20, { fill: on ? '#0061d5' : '#b8c0cc', stroke: 'none', r: 10 }),
        `<circle cx="${on ? x + 28 : x + 10}" cy="${y + 12}" r="7" fill="#fff"/>`,
        text(x + 50, y + 17, spec.label),
        h ? highlight(x, y, spec.label.length * 6.8 + 56, 24) : '',
      ];
      return [svg.join(''), 36];
    }
    case 'checkbox': {
      const svg = [rect(x, y + 4, 16, 16, { fill: spec.checked ? '#0061d5' : '#fff', stroke: '#57606a', r: 3 })];
      if (spec.checked) svg.push(`<path d="M${x + 4} ${y + 12} l4 4 l7 -8" fill="none" stroke="#fff" stroke-width="2.5"/>`);
      svg.push(text(x + 26, y + 17, spec.label));
      if (h) svg.push(highlight(x, y + 2, spec.label.length * 6.8 + 30, 20));
      return [svg.join(''), 32];
    }
    case 'textbox': {
      const boxW = Math.min(width, 380);
      const svg = [
        text(x, y + 14, spec.label, { size: 12, weight: 700, fill: '#444c56' }),
        rect(x, y + 22, boxW, 30, { fill: '#fff', stroke: '#8b949e' }),
        text(x + 10, y + 42, spec.value, { size: 12, fill: '#57606a' }),
        h ? highlight(x, y + 22, boxW, 30) : '',
      ];
      return [svg.join(''), 64];
    }
    case 'buttons': {
      const svg = [];
      let bx = spec.align === 'right' ? x + width : x;
      const list = spec.align === 'right' ? [...spec.buttons].reverse() : spec.buttons;
      for (const button of list) {
        const bw = button.label.length * 8 + 28;
        const left = spec.align === 'right' ? bx - bw : bx;
        svg.push(rect(left, y + 2, bw, 30, { fill: button.primary ? '#0061d5' : '#fff', stroke: button.primary ? '#0061d5' : '#8b949e' }));
        svg.push(text(left + bw / 2, y + 22, button.label, { fill: button.primary ? '#fff' : '#1d1f23', weight: 600, anchor: 'middle' }));
        if (button.highlight) svg.push(highlight(left, y + 2, bw, 30));
        bx = spec.align === 'right' ? left - 10 : left + bw + 10;
      }
      return [svg.join(''), 44];
    }
    case 'rows': {
      const svg = [rect(x, y, width, 26, { fill: '#f3f5f8', stroke: '#d0d7de', r: 0 }), text(x + 10, y + 18, 'App', { size: 12, weight: 700 }), text(x + width - 110, y + 18, 'Status', { size: 12, weight: 700 })];
      spec.rows.forEach((row, index) => {
        const ry = y + 26 + index * 30;
        svg.push(rect(x, ry, width, 30, { fill: '#fff', stroke: '#d0d7de', r: 0 }), text(x + 10, ry + 20, row.name), text(x + width - 110, ry + 20, row.status, { fill: row.status === 'Enabled' ? '#1a7f37' : '#57606a', weight: 600 }));
        if (row.highlight) svg.push(highlight(x, ry, width, 30));
      });
      return [svg.join(''), 26 + spec.rows.length * 30 + 12];
    }
    default:
      throw new Error(`unknown widget ${spec.type}`);
  }
}

/** Widgets one under the other; returns the SVG and where the last one ends. */
function stack(x, y, specs, width) {
  const parts = [];
  for (const spec of specs) {
    const [svg, height] = widget(x, y, spec, width);
    parts.push(svg);
    y += height;
  }
  return [parts.join(''), y];
}

function dialog(spec) {
  const x = SIDEBAR + 24;
  const y = 92;
  const w = W - x - 24;
  return [
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#0b2545" fill-opacity="0.35"/>`,
    rect(x, y, w, 250, { fill: '#fff', stroke: '#8b949e', r: 8 }),
    text(x + 20, y + 32, spec.title, { size: 16, weight: 700 }),
    stack(x + 20, y + 48, spec.widgets, w - 40)[0],
  ].join('');
}

function scene({ gear, gearOpen, menu, tabsAt, content, modal }) {
  const left = menu ? SIDEBAR + 20 : 24;
  // Measure first: the drawing is as tall as its content (menu, dialog, gear menu) plus a margin.
  H = 1000;
  const [, contentBottom] = stack(left, tabsAt ? 104 : 64, content, W - left - 24);
  const menuBottom = menu ? 76 + menu.length * 32 : 0;
  H = Math.max(220, contentBottom + 24, menuBottom, modal ? 92 + 250 + 24 : 0, gearOpen ? 170 : 0);
  const body = [
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    header({ gear, gearOpen }),
    menu ? sidebar(menu) : '',
    tabsAt ? tabs(left, 78, tabsAt) : '',
    stack(left, tabsAt ? 104 : 64, content, W - left - 24)[0],
    modal ? dialog(modal) : '',
    rect(0.5, 0.5, W - 1, H - 1, { fill: 'none', stroke: '#8b949e', r: 6 }),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" ${FONT} role="img">${body.join('')}</svg>\n`;
}

const adminMenu = (active, extra = []) =>
  ['Users & Groups', 'Content', 'Reports', ...extra].map((label) => ({ label, active: label === active }));
const classicTabs = (highlightApps) => [{ label: 'Business Settings' }, { label: 'Security' }, { label: 'Apps', active: true, highlight: highlightApps }, { label: 'Custom Setup' }];
const classicApps = (opts) => [
  { type: 'heading', text: 'Unpublished Applications' },
  { type: 'checkbox', label: 'Disable unpublished applications by default', checked: true, highlight: opts.check },
  { type: 'textbox', label: 'Except for', value: 'API keys, separated by commas', highlight: opts.except },
  { type: 'buttons', align: 'right', buttons: [{ label: 'Save', primary: true, highlight: opts.save }] },
];
const customAppsMenu = [...adminMenu(''), { label: 'Apps', active: true }, { label: 'Enterprise Settings' }];
const customAppsTabs = [{ label: 'Box Apps' }, { label: 'Custom Apps', active: true }, { label: 'Partner Apps' }];
const customAppsSettings = (opts) => [
  { type: 'heading', text: 'Custom Apps Settings' },
  { type: 'toggle', label: 'Disable unpublished apps by default', on: true, highlight: opts.check },
  { type: 'textbox', label: 'Except for', value: 'API keys, separated by commas', highlight: opts.except },
  { type: 'buttons', align: 'right', buttons: [{ label: 'Cancel' }, { label: 'Save', primary: true, highlight: opts.save }] },
];
const managerMenu = (highlight) => [...adminMenu(''), { label: 'Apps', active: true }, { label: 'Custom Apps Manager', child: true, active: true, highlight }, { label: 'Enterprise Settings' }];
const userAuthTabs = [{ label: 'Server Authentication Apps' }, { label: 'User Authentication Apps', active: true }];
const platformMenu = (highlight) => [...adminMenu(''), { label: 'Platform', active: true, highlight }, { label: 'Platform Apps', child: true, active: true, highlight }, { label: 'Enterprise Settings' }];
const addDialog = (title, button) => ({
  title,
  widgets: [
    { type: 'note', text: 'Enter the app’s client ID (API key).' },
    { type: 'textbox', label: 'Client ID', value: 'Paste the key here', highlight: true },
    { type: 'buttons', align: 'right', buttons: [{ label: 'Cancel' }, { label: button, primary: true }] },
  ],
});

const SCENES = {
  'classic-check': { gear: true, tabsAt: classicTabs(false), content: classicApps({ check: true }) },
  'classic-open-settings': { gear: true, gearOpen: true, content: [{ type: 'heading', text: 'Admin Console' }, { type: 'note', text: 'Users, groups and content of your enterprise' }] },
  'classic-apps-tab': { gear: true, tabsAt: classicTabs(true), content: [{ type: 'heading', text: 'Enterprise Settings' }, { type: 'note', text: 'Choose a tab to see its settings.' }] },
  'classic-except-for': { gear: true, tabsAt: classicTabs(false), content: classicApps({ except: true }) },
  'classic-save': { gear: true, tabsAt: classicTabs(false), content: classicApps({ save: true }) },
  'custom-apps-check': { menu: customAppsMenu, tabsAt: customAppsTabs, content: customAppsSettings({ check: true }) },
  'custom-apps-open': {
    menu: customAppsMenu,
    tabsAt: customAppsTabs.map((tab) => ({ ...tab, highlight: tab.active })),
    content: [{ type: 'heading', text: 'Custom Apps' }, { type: 'buttons', buttons: [{ label: 'Settings', highlight: true }, { label: 'Authorize New App' }] }],
  },
  'custom-apps-except-for': { menu: customAppsMenu, tabsAt: customAppsTabs, content: customAppsSettings({ except: true }) },
  'custom-apps-save': { menu: customAppsMenu, tabsAt: customAppsTabs, content: customAppsSettings({ save: true }) },
  'apps-manager-check': {
    menu: [...adminMenu(''), { label: 'Apps' }, { label: 'Enterprise Settings', active: true }],
    tabsAt: [{ label: 'Security' }, { label: 'Apps', active: true }],
    content: [{ type: 'heading', text: 'Apps' }, { type: 'toggle', label: 'Disable unpublished apps by default', on: true, highlight: true }],
  },
  'apps-manager-open': { menu: managerMenu(true), tabsAt: userAuthTabs, content: [{ type: 'heading', text: 'Custom Apps Manager' }, { type: 'rows', rows: [{ name: 'Existing app', status: 'Enabled' }] }] },
  'apps-manager-add': {
    menu: managerMenu(false),
    tabsAt: userAuthTabs,
    content: [{ type: 'heading', text: 'Custom Apps Manager' }],
    modal: addDialog('Add App', 'Next'),
  },
  'apps-manager-enable': {
    menu: managerMenu(false),
    tabsAt: userAuthTabs,
    content: [{ type: 'heading', text: 'Custom Apps Manager' }],
    modal: {
      title: 'Security connector',
      widgets: [
        { type: 'note', text: 'Read and write all files and folders' },
        { type: 'note', text: 'Manage enterprise properties and users' },
        { type: 'buttons', align: 'right', buttons: [{ label: 'Cancel' }, { label: 'Enable', primary: true, highlight: true }] },
      ],
    },
  },
  'platform-check': {
    menu: [...adminMenu(''), { label: 'Platform' }, { label: 'Enterprise Settings', active: true }],
    tabsAt: [{ label: 'Security' }, { label: 'Platform Apps', active: true }],
    content: [{ type: 'heading', text: 'Platform Apps' }, { type: 'toggle', label: 'Disable unpublished platform apps by default', on: true, highlight: true }],
  },
  'platform-open': { menu: platformMenu(true), tabsAt: userAuthTabs, content: [{ type: 'heading', text: 'Platform Apps' }, { type: 'rows', rows: [{ name: 'Existing app', status: 'Enabled' }] }] },
  'platform-add': {
    menu: platformMenu(false),
    tabsAt: userAuthTabs,
    content: [{ type: 'heading', text: 'Platform Apps' }],
    modal: addDialog('Add app', 'Next'),
  },
  'platform-confirm': {
    menu: platformMenu(false),
    tabsAt: userAuthTabs,
    content: [
      { type: 'heading', text: 'Platform Apps' },
      { type: 'rows', rows: [{ name: 'Existing app', status: 'Enabled' }, { name: 'Security connector', status: 'Enabled', highlight: true }] },
    ],
  },
};

const folder = import.meta.dirname; // this script lives beside the drawings it writes
for (const [name, spec] of Object.entries(SCENES)) writeFileSync(join(folder, `${name}.svg`), scene(spec));
console.log(`drew ${Object.keys(SCENES).length} illustrations in ${folder}`);
