export { toFetchRequest, type FetchRequestInput } from './to-fetch-request.ts';
export { writeResponse } from './write-response.ts';
export { signalOnClientGone } from './client-gone.ts';
export { builtConsoleFiles } from './console-files.ts';
