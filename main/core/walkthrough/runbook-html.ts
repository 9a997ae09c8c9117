/**
 * The runbook as one self-contained HTML page: inline styles, no scripts, nothing fetched, so it
 * opens and prints the same anywhere, offline.
 */
import { EXPECT_LABEL } from '../../../common/allowlist';
import type { Runbook } from './runbook';
import { portalErrorExplanation } from './runbook-text';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const STYLE = `
body { font: 12pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d1f23; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
.key { font: 700 1.4em/1.3 ui-monospace, Menlo, Consolas, monospace; border: 2px solid #1d1f23; padding: .4em .6em; display: inline-block; letter-spacing: .04em; word-break: break-all; }
ol { list-style: none; padding: 0; }
li { display: grid; grid-template-columns: 1.6em 1fr; gap: .6em; margin: 1em 0; break-inside: avoid; }
.box { width: 1em; height: 1em; border: 2px solid #1d1f23; margin-top: .2em; }
li h3 { margin: 0 0 .3em; font-size: 1.05em; }
li p { margin: .2em 0; }
.meta { color: #4a5060; }
.expect { color: #2c4a2e; }
dt { font-weight: 700; margin-top: .6em; }
dd { margin: .2em 0 0 1.2em; }
`;

interface HtmlStep {
  number: number;
  title: string;
  instructions: readonly string[];
  expect?: string;
}

function stepItems(steps: readonly HtmlStep[]): string {
  return steps
    .map(
      (step) => `    <li>
      <span class="box" role="img" aria-label="Tick box"></span>
      <div>
        <h3>${step.number}. ${escapeHtml(step.title)}</h3>
${step.instructions.map((paragraph) => `        <p>${escapeHtml(paragraph)}</p>`).join('\n')}${
        step.expect
          ? `\n        <p class="expect"><strong>${escapeHtml(EXPECT_LABEL)}</strong> ${escapeHtml(step.expect)}</p>`
          : ''
      }
      </div>
    </li>`,
    )
    .join('\n');
}

function portalHtml(runbook: Runbook): string {
  if (!runbook.portal) return '';
  const errors = runbook.portal.errors
    .map(
      (error) => `    <dt>${escapeHtml(error.message)}</dt>\n    <dd>${escapeHtml(portalErrorExplanation(error))}</dd>`,
    )
    .join('\n');
  return `
  <h2>${escapeHtml(runbook.partHeadings.portal ?? '')}</h2>
  <ol>
${stepItems(runbook.portal.steps)}
  </ol>
  <h3>${escapeHtml(runbook.partHeadings.errors)}</h3>
  <dl>
${errors}
  </dl>`;
}

export function renderRunbookHtml(runbook: Runbook): string {
  const { walkthrough } = runbook;
  const steps = stepItems(walkthrough.steps);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
  <title>${escapeHtml(runbook.title)}</title>
  <style>${STYLE}</style>
</head>
<body>
  <h1>${escapeHtml(runbook.title)}</h1>
  <p><strong>${escapeHtml(runbook.subtitle)}</strong></p>
  <p class="meta">${escapeHtml(runbook.generatedLine)}</p>
${runbook.intro.map((paragraph) => `  <p>${escapeHtml(paragraph)}</p>`).join('\n')}
  <h2>${escapeHtml(runbook.keyLabel)}</h2>
  <p class="key">${escapeHtml(walkthrough.key)}</p>
  <h2>${escapeHtml(runbook.partHeadings.box)}</h2>
  <ol>
${steps}
  </ol>${portalHtml(runbook)}
</body>
</html>
`;
}
