import type { ConsoleFiles } from '../contracts/console-files.ts';

/** One built file of the console, in every encoding it was precompressed to. */
export interface ConsoleAsset {
  readonly type: string;
  readonly identity: Uint8Array<ArrayBuffer>;
  readonly gzip: Uint8Array<ArrayBuffer>;
  readonly brotli: Uint8Array<ArrayBuffer>;
}

/** The console's browser bundle: the entry file the shell loads, and every file by name. */
export interface ConsoleAssets {
  readonly entry: string;
  /** Chunks the entry imports statically, announced in the shell so they load in parallel. */
  readonly preload: readonly string[];
  /** The files of a view loaded on first use, by its module's name (`audit-log`), beyond the first load. */
  lazy(view: string): readonly string[];
  get(name: string): Promise<ConsoleAsset | null>;
}

interface Manifest {
  readonly entry: string;
  readonly preload?: readonly string[];
  readonly lazy?: Readonly<Record<string, readonly string[]>>;
  readonly files: Readonly<Record<string, { readonly type: string }>>;
}

/**
 * The console's bundle as `files` holds it: the manifest is read at once, each file on its first
 * request, and kept, since the bundle is small and immutable.
 */
export async function loadConsole(files: ConsoleFiles): Promise<ConsoleAssets> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(await files.read('manifest.json'))) as Manifest;
  } catch (error) {
    throw new Error(`ops-jobs: the console bundle is missing at ${files.location}; run the package build (npm run build)`, { cause: error });
  }
  const cache = new Map<string, Promise<ConsoleAsset>>();
  return {
    entry: manifest.entry,
    preload: manifest.preload ?? [],
    lazy: (view) => (manifest.lazy && Object.hasOwn(manifest.lazy, view) ? manifest.lazy[view] ?? [] : []),
    get(name) {
      const file = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
      if (!file) return Promise.resolve(null);
      let asset = cache.get(name);
      if (!asset) {
        const read = (suffix: string) => files.read(name + suffix);
        asset = Promise.all([read(''), read('.gz'), read('.br')]).then(([identity, gzip, brotli]) => ({ type: file.type, identity, gzip, brotli }));
        cache.set(name, asset);
      }
      return asset;
    },
  };
}
