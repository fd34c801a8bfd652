import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import { WARCRecord, WARCSerializer } from 'warcio';

/** One archived HTTP response. */
export interface Capture {
  url: string;
  contentType: string;
  body: string;
  status?: number;
}

/**
 * A WARC made here with Webrecorder's warcio, the way a crawler writes one: a warcinfo record,
 * then one response record per capture (each its own gzip member when compressed).
 */
export async function makeWarc(captures: Capture[], { gzip = true } = {}): Promise<Buffer> {
  const encoder = new TextEncoder();
  const info = WARCRecord.createWARCInfo({ filename: 'ledgerlight-test.warc.gz', warcVersion: 'WARC/1.1' }, { software: 'ledgerlight tests' });
  const records = [info];
  for (const capture of captures) {
    const status = capture.status ?? 200;
    records.push(
      WARCRecord.create(
        {
          url: capture.url,
          date: '2026-01-15T10:00:00Z',
          type: 'response',
          warcVersion: 'WARC/1.1',
          statusline: `HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'Not Found'}`,
          httpHeaders: { 'Content-Type': capture.contentType },
        },
        (async function* () {
          yield encoder.encode(capture.body);
        })(),
      ),
    );
  }
  const parts = await Promise.all(records.map((record) => WARCSerializer.serialize(record, { gzip })));
  return Buffer.concat(parts);
}

/** A WACZ: the WARC under archive/, and the page list under pages/ (as Webrecorder's tools lay it out). */
export async function makeWacz(warc: Buffer, pages: string[]): Promise<Buffer> {
  const zip = new ZipWriter(new BlobWriter('application/zip'), { useWebWorkers: false });
  // Stored, not deflated, as the WACZ format asks of its WARCs.
  await zip.add('archive/data.warc.gz', new Uint8ArrayReader(new Uint8Array(warc)), { level: 0 });
  const lines = [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }), ...pages.map((url, i) => JSON.stringify({ id: `p${i}`, url, ts: '2026-01-15T10:00:00Z' }))];
  await zip.add('pages/pages.jsonl', new TextReader(`${lines.join('\n')}\n`));
  return Buffer.from(await (await zip.close()).arrayBuffer());
}

/**
 * A small archived crawl: a page of a site Ledgerlight does not watch; a Messenger thread whose
 * Send money control comes, 1.5 s after load, from a script that is in the archive too (so it is
 * found only when subresources are replayed and the scanner waits for late changes), and the script; a thread that asks for an image the archive lacks.
 */
export const ARCHIVED_CRAWL: Capture[] = [
  { url: 'https://example.org/news', contentType: 'text/html', body: '<!doctype html><title>News</title><p>Nothing to see.</p>' },
  {
    url: 'https://www.messenger.com/t/300',
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messenger</title>
<script src="https://static.xx.fbcdn.net/rsrc.php/composer.js"></script></head>
<body><div role="main" aria-label="Conversation with Sam"><div role="row"><span dir="auto">lunch?</span></div></div></body></html>`,
  },
  {
    url: 'https://static.xx.fbcdn.net/rsrc.php/composer.js',
    contentType: 'text/javascript',
    // Like a chat composer, the control arrives a while after the page has loaded.
    body: `addEventListener('load', () => setTimeout(() => {
  const bar = document.createElement('div');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Message actions');
  bar.innerHTML = '<div role="button" tabindex="0" aria-label="Send money">$</div>';
  document.querySelector('[role="main"]').append(bar);
}, 1500));`,
  },
  {
    url: 'https://www.messenger.com/t/301',
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messenger</title></head>
<body><div role="main" aria-label="Conversation with Ana"><img src="https://scontent.xx.fbcdn.net/missing.jpg" alt=""><span dir="auto">ok</span></div></body></html>`,
  },
];

/** The archived crawl's pages: its HTML responses, in archive order. */
export const ARCHIVED_PAGES = ARCHIVED_CRAWL.filter((c) => c.contentType.startsWith('text/html')).map((c) => c.url);
