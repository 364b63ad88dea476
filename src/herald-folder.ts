import { existsSync } from 'node:fs';

/**
 * The folder of Herald's package.json, from which it reads config/, commands/ and its migrations: the same
 * whether it runs from its sources under tsx or from the one-file build (npm run build), which sit at
 * different depths below it.
 */
export const HERALD_FOLDER: URL = (() => {
  let folder = new URL('.', import.meta.url);
  while (!existsSync(new URL('package.json', folder))) {
    const parent = new URL('..', folder);
    if (parent.href === folder.href) throw new Error(`no package.json above ${import.meta.url}`);
    folder = parent;
  }
  return folder;
})();
