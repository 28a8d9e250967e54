/**
 * Where the console's browser files are read from: the bundle `npm run build` writes (a manifest
 * and content-hashed scripts, each also gzip- and brotli-compressed). Core reads nothing from disk
 * itself; the Node adapters fill this port (`builtConsoleFiles()` from `ops-jobs/node`), and a host
 * may serve the files from anywhere else.
 */
export interface ConsoleFiles {
  /** Where the files are, for messages: a directory or URL. */
  readonly location: string;
  /**
   * The bytes of one file of the bundle, by its name (`manifest.json`,
   * `ops-jobs-console-1a2b.js.gz`); rejects when it cannot be read. Only names the manifest lists
   * (and their `.gz` and `.br` copies) are asked for.
   */
  read(name: string): Promise<Uint8Array<ArrayBuffer>>;
}
