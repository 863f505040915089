export interface TemplateChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

type Json = Record<string, unknown>;
type Keyed = Json & { key: string };

const ROOT = '(template)';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Items named by a unique string `key` (stages, rubrics, criteria, groups) are matched by key, not position. */
function isKeyedList(value: unknown): value is Keyed[] {
  if (!Array.isArray(value)) return false;
  const keys = new Set<string>();
  for (const item of value) {
    if (!isObject(item) || !Object.hasOwn(item, 'key') || typeof item.key !== 'string' || keys.has(item.key)) {
      return false;
    }
    keys.add(item.key);
  }
  return true;
}

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => isEqual(item, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && isEqual(a[key], b[key]));
}

const join = (path: string, key: string): string => (path === ROOT ? key : `${path}.${key}`);

/** The children of both values by path, when they have the same shape; undefined when compared as whole values. */
function childrenOf(
  from: unknown,
  to: unknown,
  path: string,
): [Map<string, unknown>, Map<string, unknown>] | undefined {
  if (isObject(from) && isObject(to)) {
    const children = (value: Json) => new Map(Object.keys(value).map((key) => [join(path, key), value[key]]));
    return [children(from), children(to)];
  }
  if (isKeyedList(from) && isKeyedList(to)) {
    const children = (list: Keyed[]) => new Map(list.map((item) => [`${path}[${item.key}]`, item as unknown]));
    return [children(from), children(to)];
  }
  return undefined;
}

/**
 * What changed between two template definitions, each change with the path of the field: additions and changes in
 * the document order of `after`, then removals in the document order of `before`.
 */
export function compareTemplates(before: unknown, after: unknown): TemplateChange[] {
  const changes: TemplateChange[] = [];
  const removals: TemplateChange[] = [];

  const walkAfter = (from: unknown, to: unknown, path: string): void => {
    if (isEqual(from, to)) return;
    const sides = childrenOf(from, to, path);
    if (!sides) return void changes.push({ path, change: 'changed', before: from, after: to });
    const [earlier, later] = sides;
    if (Array.isArray(from) && Array.isArray(to)) {
      const kept = (list: Keyed[], other: Map<string, unknown>) =>
        list.map((item) => item.key).filter((key) => other.has(`${path}[${key}]`));
      if (!isEqual(kept(from, later), kept(to, earlier))) {
        const keys = (list: Keyed[]) => list.map((item) => item.key);
        changes.push({ path, change: 'changed', before: keys(from), after: keys(to) });
      }
    }
    for (const [childPath, value] of later) {
      if (earlier.has(childPath)) walkAfter(earlier.get(childPath), value, childPath);
      else changes.push({ path: childPath, change: 'added', after: value });
    }
  };

  const walkBefore = (from: unknown, to: unknown, path: string): void => {
    const sides = isEqual(from, to) ? undefined : childrenOf(from, to, path);
    if (!sides) return;
    const [earlier, later] = sides;
    for (const [childPath, value] of earlier) {
      if (later.has(childPath)) walkBefore(value, later.get(childPath), childPath);
      else removals.push({ path: childPath, change: 'removed', before: value });
    }
  };

  walkAfter(before, after, ROOT);
  walkBefore(before, after, ROOT);
  return [...changes, ...removals];
}
