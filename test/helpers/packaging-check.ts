/**
 * Checks of electron-builder.yml that run where Electron cannot be downloaded (our CI):
 * the config against electron-builder's own JSON schema, every file it names exists, and which
 * of our files the `files` patterns would put in the package.
 */
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { minimatch } from 'minimatch';

const require = createRequire(import.meta.url);

export type BuilderConfig = Record<string, unknown> & { files?: string[] };

export function loadBuilderConfig(path = 'electron-builder.yml'): BuilderConfig {
  return loadYaml(readFileSync(path, 'utf8')) as BuilderConfig;
}

/** Errors from electron-builder's own schema (app-builder-lib/scheme.json), as readable lines. */
let compiled: ReturnType<Ajv['compile']> | null = null;

export function schemaErrors(config: unknown): string[] {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  const validate = compiled;
  if (validate(config)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

/** Every file or folder the config names (icons, entitlements, resources) that does not exist. */
export function missingFiles(config: BuilderConfig, root = '.'): string[] {
  const named: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (
      typeof value === 'string' &&
      /^(icon|entitlements|entitlementsInherit|buildResources|license|installerIcon|uninstallerIcon)$/.test(key)
    )
      named.push(value);
    else if (value && typeof value === 'object')
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(config, '');
  return named.filter((path) => !existsSync(join(root, path)));
}

/** Our files (excluding node_modules) that the config's `files` patterns would package. */
export function packagedFiles(config: BuilderConfig, root = '.'): string[] {
  const patterns = config.files ?? [];
  const include = patterns.filter((pattern) => !pattern.startsWith('!'));
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
  return listFiles(root)
    .filter((file) => include.some((pattern) => minimatch(file, pattern, { dot: true })))
    .filter((file) => !exclude.some((pattern) => minimatch(file, pattern, { dot: true })));
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.git') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files;
}

/** PNG width and height from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
