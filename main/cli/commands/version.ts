import { APP_NAME, APP_VERSION } from '../../core/version';
import { EXIT_CODES, type CliCommand } from '../command';

const version: CliCommand = {
  name: 'version',
  summary: 'Print the version of Box Connect Companion.',
  usage: 'box-companion version [--json]',
  async run({ out, argv }) {
    if (argv.length > 0) {
      out.error(`version takes no arguments (got ${argv.join(' ')}).`, 'usage');
      return EXIT_CODES.usage;
    }
    out.result(
      { name: APP_NAME, version: APP_VERSION, node: process.versions.node, platform: process.platform },
      `${APP_NAME} ${APP_VERSION}`,
    );
    return EXIT_CODES.ok;
  },
};

export default version;
