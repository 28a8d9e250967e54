/**
 * Imports an optional peer dependency of ops-jobs, or fails saying which package to install.
 * Resolved from ops-jobs itself, which a project installs beside its peers.
 */
export async function importPeer<T>(name: string, why: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`${why} needs the package ${name}, which is not installed: npm install ${name}`, { cause: error });
    }
    throw error;
  }
}
