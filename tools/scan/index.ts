/**
 * `npm run scan -- [options] <inputs>...`: runs the built extension headless over saved pages,
 * live URLs and web archives and reports what it found; `npm run scan -- merge <outputs>...`
 * joins the outputs of a sharded run. Every page gets an entry, failed ones with their error;
 * the exit code is non-zero only when the scanner itself fails (2 for a bad command line).
 */
import { writeFileSync } from 'node:fs';
import { launchExtension } from '../harness/browser';
import { ensureBuild } from './ensure-build';
import { takeSeat } from './extension';
import { mergeOutputs } from './merge';
import { parseMergeArgs, parseScanArgs, USAGE, UsageError, type MergeOptions, type ScanOptions } from './options';
import { finishedInputs, openSink } from './output';
import { scanAll } from './pool';
import { progressLine } from './progress';
import { inShard } from './shard';
import { expandInputs, type Targets } from './targets';

let stopping = false;

/**
 * Stopped (Ctrl-C, or a cluster ending a pod): what is written stays written, the pages under way
 * are dropped rather than written as failures, the browser is closed, and the exit code says so.
 */
function stopOnSignal(close: () => Promise<void>) {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)
    process.once(signal, () => {
      stopping = true;
      void close().finally(() => process.exit(code));
    });
}

async function scan(options: ScanOptions) {
  let expanded: Targets;
  try {
    expanded = await expandInputs(options.inputs);
  } catch (error) {
    console.error(`scan: ${(error as Error).message}`);
    process.exit(2);
  }
  try {
    const done = options.resume && options.output ? finishedInputs(options.output) : new Set<string>();
    const targets = expanded.targets.filter((target, position) => inShard(options.shard, position) && !done.has(target.input));
    const sink = openSink(options.format, options.output, options.resume);
    if (targets.length) {
      ensureBuild();
      const session = await launchExtension({ ownSignals: true });
      stopOnSignal(() => session.close());
      try {
        const seat = await takeSeat(session);
        const progress = progressLine(targets.length);
        await scanAll(session, seat, targets, options, async (page, position) => {
          // A page cut short by the stop is not finished: --resume must scan it again.
          if (stopping) return;
          await sink.write(page, position);
          progress.pageDone();
        });
        progress.end();
      } finally {
        await session.close();
      }
    }
    await sink.close();
  } catch (error) {
    console.error(`scan failed: ${(error as Error).message}`);
    process.exit(1);
  } finally {
    await expanded.close();
  }
}

const argv = process.argv.slice(2);
const merging = argv[0] === 'merge';

let options: ScanOptions | MergeOptions;
try {
  options = merging ? parseMergeArgs(argv.slice(1)) : parseScanArgs(argv);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  if (error.message) console.error(`scan: ${error.message}\n`);
  console.error(USAGE);
  process.exit(error.message ? 2 : 0);
}

if (merging) {
  const { files, output } = options as MergeOptions;
  try {
    const text = `${JSON.stringify(mergeOutputs(files), null, 2)}\n`;
    if (output) writeFileSync(output, text);
    else process.stdout.write(text);
  } catch (error) {
    console.error(`scan merge failed: ${(error as Error).message}`);
    process.exit(1);
  }
} else await scan(options as ScanOptions);
