type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * Builds a record from fields that may be missing, leaving missing and empty ones out rather than present
 * as undefined: the models use optional fields (exactOptionalPropertyTypes), and JSON output should not
 * carry empty keys.
 */
export function definedFields<T extends object>(value: Loose<T>): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== '')) as T;
}
