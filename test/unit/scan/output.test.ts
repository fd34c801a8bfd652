// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeOutputs } from '../../../tools/scan/merge';
import { finishedInputs, openSink } from '../../../tools/scan/output';
import type { ScannedPage } from '../../../tools/scan/report';

const folder = mkdtempSync(join(tmpdir(), 'ledgerlight-output-'));

const page = (input: string, extra: Partial<ScannedPage> = {}): ScannedPage => ({ url: input, input, platform: null, detections: [], findings: [], ...extra });

const finding = (arrangementId: string, partners: string[]): ScannedPage['findings'][number] => ({
  arrangementId,
  title: `Title of ${arrangementId}`,
  platform: 'Messenger',
  partners,
  status: 'active',
  dataShared: ['payment-transactions'],
  sources: [],
  because: [{ kind: 'control', evidence: 'Send money' }],
});

const detection = (feature: string, partners: string[] = []): ScannedPage['detections'][number] => ({
  ruleId: `${feature}-rule`,
  feature,
  partners,
  confidence: 'high',
  count: 1,
  signals: [{ kind: 'control', evidence: 'Send money' }],
});

describe('resuming a jsonl output', () => {
  it('knows the finished pages and cuts off the half line a killed run left', () => {
    const path = join(folder, 'killed.jsonl');
    writeFileSync(path, `${JSON.stringify(page('a'))}\n${JSON.stringify(page('b'))}\n{"url":"c","inp`);
    expect(finishedInputs(path)).toEqual(new Set(['a', 'b']));
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    expect(finishedInputs(join(folder, 'none.jsonl'))).toEqual(new Set());
  });
});

describe('csv', () => {
  it('a row per page under one header, lists joined, fields with commas and quotes quoted', async () => {
    const path = join(folder, 'pages.csv');
    const sink = openSink('csv', path, false);
    await sink.write(page('saved, "one".html https://www.messenger.com/t/1', { platform: 'Messenger', detections: [detection('p2p-payments', ['PayPal'])], findings: [finding('m-1', ['PayPal', 'Visa'])] }), 0);
    await sink.write(page('https://example.org/', { reason: 'not watched' }), 1);
    await sink.close();
    expect(readFileSync(path, 'utf8').split('\n')).toEqual([
      'input,url,platform,error,reason,features,partners,arrangements',
      '"saved, ""one"".html https://www.messenger.com/t/1","saved, ""one"".html https://www.messenger.com/t/1",Messenger,,,p2p-payments,PayPal; Visa,m-1',
      'https://example.org/,https://example.org/,,,not watched,,,',
      '',
    ]);
  });
});

describe('json', () => {
  it("writes today's single document, pages in input order whatever order they finished in", async () => {
    const path = join(folder, 'pages.json');
    const sink = openSink('json', path, false);
    await sink.write(page('second'), 1);
    await sink.write(page('first'), 0);
    await sink.close();
    expect((JSON.parse(readFileSync(path, 'utf8')) as { pages: ScannedPage[] }).pages.map((p) => p.input)).toEqual(['first', 'second']);
  });
});

describe('scan merge', () => {
  it('joins shard outputs, a page once, with totals per platform, feature, partner and arrangement', () => {
    const a = join(folder, 'shard-0.jsonl');
    const b = join(folder, 'shard-1.json');
    const messenger = (input: string, findings: ScannedPage['findings'], detections = [detection('p2p-payments')]) =>
      page(input, { platform: 'Messenger', detections, findings });
    writeFileSync(a, [messenger('m1', [finding('m-1', ['PayPal'])]), page('x', { error: 'timed out' }), messenger('m2', [])].map((p) => JSON.stringify(p)).join('\n') + '\n');
    const rerun = messenger('x', [finding('m-1', ['PayPal']), finding('m-2', ['Visa'])], [detection('p2p-payments'), detection('checkout', ['Visa'])]);
    writeFileSync(b, JSON.stringify({ pages: [page('https://example.org/', { reason: 'not watched' }), rerun] }));
    const { pages, totals } = mergeOutputs([a, b]);
    expect(pages.map((p) => p.input).sort()).toEqual(['https://example.org/', 'm1', 'm2', 'x']);
    expect(pages.find((p) => p.input === 'x')?.error, 'the later output wins').toBeUndefined();
    expect(totals).toEqual({
      pages: 4,
      watched: 3,
      unwatched: 1,
      failed: 0,
      platforms: { Messenger: 3 },
      features: { 'p2p-payments': 3, checkout: 1 },
      partners: { PayPal: 2, Visa: 1 },
      arrangements: { 'm-1': { title: 'Title of m-1', pages: 2 }, 'm-2': { title: 'Title of m-2', pages: 1 } },
    });
  });
});
