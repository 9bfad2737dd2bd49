/** The DTO as plain JSON: no class instances or undefined fields reach the domain or the store. */
export function plain<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
