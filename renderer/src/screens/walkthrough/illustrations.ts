/**
 * The walkthrough's drawings (assets/walkthrough/*.svg), bundled by Vite so they load from the
 * app itself (or inline as data: URLs): never from the network.
 */
const urls = import.meta.glob('../../../../assets/walkthrough/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
}) as Record<string, string>;

const byFileName = new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

export function illustrationUrl(fileName: string): string | undefined {
  return byFileName.get(fileName);
}
