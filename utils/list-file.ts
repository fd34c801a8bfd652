import * as v from 'valibot';
import { Dataset, DATASET_FORMAT, type FullDataset } from './model/dataset';
import { checkIntegrity, type Problem } from './model/integrity';

export const MAX_LIST_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A refusal says why in `detail` (in English, like the list itself) and where in `problems`. */
export type ParsedList = { ok: true; list: Dataset } | { ok: false; error: 'list-refused'; detail: string; problems: Problem[] };

const refuse = (detail: string, problems: Problem[] = []): ParsedList => ({ ok: false, error: 'list-refused', detail, problems });

/**
 * Reads a list file someone gives us. Size, nesting and key checks come before the schema so a
 * hostile file is refused cheaply and never reaches code that could be tricked by it.
 */
export function parseListFile(text: string): ParsedList {
  if (typeof text !== 'string') return refuse('The file is not text.');
  if (text.length > MAX_LIST_BYTES)
    return refuse(`The file is ${(text.length / 1024 / 1024).toFixed(1)} MB; lists up to ${MAX_LIST_BYTES / 1024 / 1024} MB are accepted.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refuse(`The file is not valid JSON: ${(error as Error).message}`);
  }
  const shape = checkShape(raw);
  if (shape) return refuse(`The file was refused at ${shape.path}: ${shape.message}.`, [shape]);
  if (raw && typeof raw === 'object' && 'format' in raw && raw.format !== DATASET_FORMAT)
    return refuse(`The file uses list format ${JSON.stringify(raw.format)}; this version of Ledgerlight reads format ${DATASET_FORMAT}.`, [
      { path: 'format', message: `unsupported format ${JSON.stringify(raw.format)}` },
    ]);
  const parsed = v.safeParse(Dataset, raw);
  if (!parsed.success) {
    const problems = parsed.issues.slice(0, 20).map((issue) => ({ path: issuePath(issue) || '(top level)', message: issue.message }));
    return refuse(`The list does not match the format: ${problems[0]!.path}: ${problems[0]!.message}`, problems);
  }
  return { ok: true, list: parsed.output };
}

/** Checks a list merged over what is stored: ids unique within the file, references resolving. */
export function checkMerged(stored: FullDataset, incoming: Dataset): Problem[] {
  const problems: Problem[] = [];
  for (const name of ['arrangements', 'entities', 'rules'] as const) {
    const seen = new Set<string>();
    (incoming[name] ?? []).forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ path: `${name}[${i}].id`, message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  if (problems.length) return problems;
  const merge = <T extends { id: string }>(a: T[], b: T[] = []) => [...new Map([...a, ...b].map((x) => [x.id, x])).values()];
  const merged: FullDataset = {
    version: incoming.version,
    arrangements: merge(stored.arrangements, incoming.arrangements),
    entities: merge(stored.entities, incoming.entities),
    rules: merge(stored.rules, incoming.rules),
  };
  // Report problems by the item's id: indexes in the merged list would not match the user's file.
  const position = new Map<string, string>();
  for (const name of ['arrangements', 'entities', 'rules'] as const) merged[name].forEach((x, i) => position.set(`${name}[${i}]`, `${name} "${x.id}"`));
  return checkIntegrity(merged).map((p) => {
    const [, head = '', rest = ''] = /^(\w+\[\d+\])(.*)$/.exec(p.path) ?? [];
    return { ...p, path: `${position.get(head) ?? head}${rest}` };
  });
}

function checkShape(root: unknown): Problem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return { path: path || '(top level)', message: `nesting deeper than ${MAX_DEPTH} levels` };
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: path ? `${path}.${key}` : key, message: `the key "${key}" is not allowed` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Where a schema problem is, written as a reader would look for it: arrangements[3].sources[0].url. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (v.getDotPath(issue) ?? '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
