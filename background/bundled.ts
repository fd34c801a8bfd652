import * as v from 'valibot';
import { Dataset, type FullDataset } from '../utils/model/dataset';

export const BUNDLED_FILES = ['entities', 'rules', 'arrangements'] as const;

/**
 * Reads the list shipped in public/data/. It is validated like any import: a broken bundle must
 * fail loudly in tests, not half-load on a user's machine.
 */
export async function loadBundled(read: (file: string) => Promise<unknown>): Promise<FullDataset> {
  const parts = await Promise.all(BUNDLED_FILES.map((name) => read(`data/${name}.json`).then((raw) => v.parse(Dataset, raw))));
  const [entities, rules, arrangements] = parts;
  return {
    version: arrangements!.version,
    entities: entities!.entities ?? [],
    rules: rules!.rules ?? [],
    arrangements: arrangements!.arrangements ?? [],
    trackers: rules!.trackers ?? [],
  };
}
