import { createWriteStream, existsSync, mkdirSync, readFileSync, truncateSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { Format } from './options';
import { describePage, type ScannedPage } from './report';

/** Where finished pages go, in the chosen format. */
export interface PageSink {
  write(page: ScannedPage, position: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the output. jsonl, csv and text are written as each page finishes, so a long run's
 * results are on disk as it goes and a killed run loses only the pages it was on; json is
 * today's single document `{"pages":[...]}`, written at the end in input order.
 */
export function openSink(format: Format, path: string | undefined, append: boolean): PageSink {
  if (path) mkdirSync(dirname(path), { recursive: true });
  const stream: WriteStream | NodeJS.WriteStream = path ? createWriteStream(path, { flags: append ? 'a' : 'w' }) : process.stdout;
  const put = (text: string) => new Promise<void>((done, fail) => stream.write(text, (error) => (error ? fail(error) : done())));
  const end = () => (path ? new Promise<void>((done) => (stream as WriteStream).end(done)) : Promise.resolve());
  if (format === 'json') {
    const pages: [number, ScannedPage][] = [];
    return {
      write: async (page, position) => void pages.push([position, page]),
      close: async () => {
        const ordered = pages.sort((a, b) => a[0] - b[0]).map(([, page]) => page);
        await put(`${JSON.stringify({ pages: ordered }, null, 2)}\n`);
        await end();
      },
    };
  }
  if (format === 'jsonl') return { write: (page) => put(`${JSON.stringify(page)}\n`), close: end };
  if (format === 'csv') {
    let headed = append && path !== undefined && existsSync(path) && readFileSync(path, 'utf8').length > 0;
    return {
      write: async (page) => {
        if (!headed) await put(`${CSV_COLUMNS.join(',')}\n`);
        headed = true;
        await put(`${csvRow(page).map(csvField).join(',')}\n`);
      },
      close: end,
    };
  }
  let first = true;
  return {
    write: (page) => {
      const text = `${first ? '' : '\n'}${describePage(page)}\n`;
      first = false;
      return put(text);
    },
    close: end,
  };
}

const CSV_COLUMNS = ['input', 'url', 'platform', 'error', 'reason', 'features', 'partners', 'arrangements'];

/** A page a row: lists inside a cell are joined with "; ". */
function csvRow(page: ScannedPage): string[] {
  const unique = (values: string[]) => [...new Set(values)].join('; ');
  return [
    page.input,
    page.url,
    page.platform ?? '',
    page.error ?? '',
    page.reason ?? '',
    unique(page.detections.map((d) => d.feature)),
    unique([...page.detections.flatMap((d) => d.partners), ...page.findings.flatMap((f) => f.partners)]),
    unique(page.findings.map((f) => f.arrangementId)),
  ];
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The inputs of the pages a jsonl output already holds, for `--resume`. A run killed mid-write
 * can leave half a line at the end: it is cut off, so the page is scanned again and the file
 * stays one JSON object a line.
 */
export function finishedInputs(path: string): Set<string> {
  const done = new Set<string>();
  if (!existsSync(path)) return done;
  const text = readFileSync(path, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  if (complete < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
  for (const line of text.slice(0, complete).split('\n')) {
    if (!line.trim()) continue;
    try {
      const input = (JSON.parse(line) as Partial<ScannedPage>).input;
      if (typeof input === 'string') done.add(input);
    } catch {
      // A line that is not a page is not a finished page: it is scanned again.
    }
  }
  return done;
}
