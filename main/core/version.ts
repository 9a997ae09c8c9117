/** The app's name and version, read from package.json so there is one source of truth. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface PackageJson {
  name: string;
  productName: string;
  version: string;
}

function findPackageJson(): PackageJson {
  // From main/core/ (source, run by tsx) and from out/main/ (bundled) alike, package.json is two levels up.
  return require('../../package.json') as PackageJson;
}

const pkg = findPackageJson();
export const APP_VERSION: string = pkg.version;
export const APP_NAME: string = pkg.productName;
