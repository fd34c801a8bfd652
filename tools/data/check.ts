/**
 * `npm run data:check`: validates the bundled list in public/data/ and prints one summary line, or
 * every problem as "path: message" and a non-zero exit, so a contributor can fix them all at once.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_FILES } from '../../background/bundled';
import { checkListFiles, coverage, coverageGaps, type ListFiles } from './list-check';

const unreadable: string[] = [];
const files = Object.fromEntries(
  BUNDLED_FILES.map((name) => {
    try {
      return [name, JSON.parse(readFileSync(`public/data/${name}.json`, 'utf8')) as unknown];
    } catch (error) {
      unreadable.push(`public/data/${name}.json: ${(error as Error).message}`);
      return [name, undefined];
    }
  }),
) as ListFiles;
if (unreadable.length > 0) {
  for (const line of unreadable) console.error(line);
  process.exit(1);
}
const { problems, list } = checkListFiles(files);

if (problems.length > 0) {
  for (const { path, message } of problems) console.error(`${path}: ${message}`);
  console.error(`data:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
for (const platform of coverageGaps(list!))
  console.warn(`data:check: note: no arrangement applies to ${platform} yet (none with a dated source was found; see docs/data.md)`);
const { platforms, regions } = coverage(list!);
const line = (counts: Record<string, number>) => Object.entries(counts).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`data:check: arrangements per platform: ${line(platforms)}`);
console.log(`data:check: arrangements per region: ${line(regions)}`);
const verified = list!.arrangements.filter((a) => a.verified).length;
console.log(
  `data:check: ${list!.arrangements.length} arrangements (${verified} verified), ${list!.entities.length} entities, ${list!.rules.length} rules — ok`,
);
