/** A database URL fit to print: the password replaced, anything unparseable not echoed. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a database URL that could not be parsed)';
  }
}
