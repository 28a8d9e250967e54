import { stat } from 'node:fs/promises';

/** Whether something (a file or a directory) is at `path`. */
export function pathExists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Whether a regular file is at `path`. */
export function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}
