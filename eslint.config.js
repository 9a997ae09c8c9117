// Lint, including the layering rule that says where each file may run (README, "Architecture"):
//   common/        no Node, no DOM, no Electron: imported by every process
//   main/core/     plain Node: the product; never Electron, never the UI
//   main/cli/, main/harness/   plain Node front ends over main/core
//   main/electron/ the thin Electron shell (the only main code that imports 'electron')
//   preload/       Electron's sandboxed preload: 'electron' and common/ only
//   renderer/      the React UI: DOM only; never Node, never main/ or preload/
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = ['keytar', 'conf', 'electron-store', 'box-node-sdk', 'ws', 'better-sqlite3', 'tsx'];

const restrict = (patterns, paths = []) => ['error', { paths, patterns }];
const group = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off', // Playwright fixtures use `async ({}, use) =>`
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': restrict([
        group(
          [...nodeBuiltins, 'electron', ...nodeOnlyPackages, 'react', 'react-dom'],
          'common/ runs in every process: no Node, DOM, Electron or UI imports.',
        ),
        group(['**/main/**', '**/renderer/**', '**/preload/**'], 'common/ must not depend on a process folder.'),
      ]),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        group(
          [...nodeBuiltins, 'electron', ...nodeOnlyPackages],
          'The renderer never touches Node or Electron: use the bridge (window.boxCompanion).',
        ),
        group(
          ['**/main/**', '**/preload/**'],
          'The renderer must not import main/ or preload/: go through the bridge contract in common/bridge.',
        ),
      ]),
    },
  },
  {
    files: ['main/core/**', 'main/cli/**', 'main/harness/**', 'test/**'],
    rules: {
      'no-restricted-imports': restrict([
        group(
          ['electron', 'electron-store'],
          "Only main/electron/ and preload/ may import 'electron': keep this code testable in plain Node.",
        ),
        group(
          ['**/main/electron/**', '**/electron/index', '**/renderer/**', '**/preload/**'],
          'Core, CLI, harness and tests must not import the Electron shell or the UI.',
        ),
      ]),
    },
  },
  {
    // Unit tests may also read the renderer's pure modules (no DOM, no React): the error
    // descriptions and the strings, so every code's text is checked in plain Node, and the
    // forms' conversions (what the admin typed ↔ the shared shape it stands for).
    files: ['test/unit/**'],
    rules: {
      'no-restricted-imports': restrict([
        group(
          ['electron', 'electron-store'],
          "Only main/electron/ and preload/ may import 'electron': keep this code testable in plain Node.",
        ),
        group(
          ['**/main/electron/**', '**/electron/index', '**/preload/**'],
          'Tests must not import the Electron shell or the preload.',
        ),
        {
          regex: 'renderer/(?!src/errors/[\\w-]+$|src/forms/[\\w-]+$|src/strings$)',
          message:
            "Unit tests may import only the renderer's pure modules (renderer/src/errors/*, renderer/src/forms/*, renderer/src/strings).",
        },
      ]),
    },
  },
  {
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': restrict([
        group(['electron', 'electron-store'], "main/core runs in plain Node: no 'electron'."),
        group(
          [
            '**/main/electron/**',
            '../electron/**',
            '../../electron/**',
            '**/cli/**',
            '**/harness/**',
            '**/renderer/**',
            '**/preload/**',
          ],
          'main/core is the bottom layer: it must not import its front ends or the UI.',
        ),
      ]),
    },
  },
  {
    // Product code is read by whoever adds to it next (issues 13, 15): no function longer than a
    // screen. Tests are left out: a test's setup reads best in one place.
    files: ['main/**', 'common/**', 'preload/**', 'renderer/src/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': restrict([
        group([...nodeBuiltins, ...nodeOnlyPackages], 'The sandboxed preload has no Node: only electron and common/.'),
        group(['**/main/**', '**/renderer/**'], 'The preload only knows the contract in common/bridge.'),
      ]),
    },
  },
);
