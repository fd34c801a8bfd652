import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { WARCParser } from 'warcio';

/** Where one archived response sits, so it can be read again without holding the archive in memory. */
interface Capture {
  file: string;
  offset: number;
  length: number;
  status: number;
  html: boolean;
}

/** An archived response, ready to be served to the page that asks for it. */
export interface Replay {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface Archive {
  /** The archived pages, in archive order: HTML responses, or the WACZ's own page list. */
  pages: string[];
  /** The response archived for a URL, or undefined when the archive does not have it. */
  replay(url: string): Promise<Replay | undefined>;
  /** Removes what was unpacked from a WACZ. */
  close(): Promise<void>;
}

/** The key a URL is archived and looked up under: a fragment never reaches the server. */
const key = (url: string) => url.replace(/^<|>$/g, '').split('#')[0]!;

/** Headers that described the bytes on the wire, not the decoded body served again here. */
const WIRE_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length', 'connection', 'keep-alive']);

/**
 * Opens a WARC (`.warc`, `.warc.gz`) or a WACZ. It reads every record's headers once to learn
 * where each response is (warcio reports each record's offset and length), then reads a
 * response's body only when a page asks for it: an archive of thousands of pages is never held
 * in memory. A WACZ is a zip of WARCs: they are unpacked to a temporary folder first.
 */
export async function openArchive(path: string): Promise<Archive> {
  let unpacked: string | undefined;
  let warcs = [path];
  let listed: string[] | undefined;
  if (/\.wacz$/i.test(path)) {
    unpacked = await mkdtemp(join(tmpdir(), 'ledgerlight-wacz-'));
    ({ warcs, listed } = await unpackWacz(path, unpacked));
  }
  const captures = new Map<string, Capture>();
  const htmlPages: string[] = [];
  for (const file of warcs) {
    for (const capture of await indexWarc(file)) {
      if (captures.has(capture.url)) continue; // the first capture of a URL is the one replayed
      captures.set(capture.url, capture);
      if (capture.html && capture.status === 200) htmlPages.push(capture.url);
    }
  }
  return {
    pages: listed ? listed.map(key).filter((url) => captures.has(url)) : htmlPages,
    replay: (url) => {
      const capture = captures.get(key(url));
      return capture ? readCapture(capture) : Promise.resolve(undefined);
    },
    close: async () => {
      if (unpacked) await rm(unpacked, { recursive: true, force: true });
    },
  };
}

async function indexWarc(file: string): Promise<(Capture & { url: string })[]> {
  const parser = new WARCParser(createReadStream(file));
  const found: (Capture & { url: string })[] = [];
  for await (const record of parser) {
    await record.skipFully();
    const uri = record.warcTargetURI;
    if (record.warcType !== 'response' || !uri || !record.httpHeaders) continue;
    const type = record.httpHeaders.headers.get('content-type') ?? '';
    found.push({
      url: key(uri),
      file,
      offset: parser.offset,
      length: parser.recordLength,
      status: Number(record.httpHeaders.statusCode),
      html: /^\s*(text\/html|application\/xhtml\+xml)/i.test(type),
    });
  }
  return found;
}

async function readCapture(capture: Capture): Promise<Replay | undefined> {
  const stream = createReadStream(capture.file, { start: capture.offset, end: capture.offset + capture.length - 1 });
  try {
    const record = await new WARCParser(stream).parse();
    if (!record?.httpHeaders) return undefined;
    // readFully(true) undoes chunking and gzip/br on the wire: the page gets the bytes it decoded.
    const body = Buffer.from(await record.readFully(true));
    const headers: Record<string, string> = {};
    for (const [name, value] of record.httpHeaders.headers) if (!WIRE_HEADERS.has(name.toLowerCase())) headers[name] = value;
    return { status: Number(record.httpHeaders.statusCode), headers, body };
  } finally {
    stream.destroy();
  }
}

/**
 * Unpacks a WACZ's WARCs (`archive/*.warc[.gz]`) and reads its page list (`pages/pages.jsonl`,
 * one JSON object a line with a `url`; the first line is a header without one).
 */
async function unpackWacz(path: string, into: string): Promise<{ warcs: string[]; listed?: string[] }> {
  const zip = new ZipReader(new BlobReader(await openAsBlob(path)), { useWebWorkers: false });
  try {
    const warcs: string[] = [];
    let listed: string[] | undefined;
    for (const entry of await zip.getEntries()) {
      if (entry.directory) continue;
      if (/^archive\/[^/]+\.warc(\.gz)?$/i.test(entry.filename)) {
        const file = join(into, `${warcs.length}-${basename(entry.filename)}`);
        await entry.getData!(Writable.toWeb(createWriteStream(file)));
        warcs.push(file);
      } else if (entry.filename === 'pages/pages.jsonl') {
        const text = await entry.getData!(new TextWriter());
        listed = text.split('\n').flatMap((line) => {
          try {
            const url = (JSON.parse(line) as { url?: unknown }).url;
            return typeof url === 'string' ? [url] : [];
          } catch {
            return [];
          }
        });
      }
    }
    if (!warcs.length) throw new Error(`${path} holds no WARC under archive/: is it a WACZ?`);
    return { warcs, listed };
  } finally {
    await zip.close();
  }
}
