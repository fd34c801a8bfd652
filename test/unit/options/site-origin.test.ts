import { describe, expect, it } from 'vitest';
import { parseSiteInput } from '@/components/options/site-origin';

describe('parseSiteInput', () => {
  it('turns a bare host or a page address into the https origin to ask for', () => {
    expect(parseSiteInput('social.example', [])).toEqual({ ok: true, origin: 'https://social.example' });
    expect(parseSiteInput('  https://Social.Example/feed?x=1 ', [])).toEqual({ ok: true, origin: 'https://social.example' });
    expect(parseSiteInput('https://social.example:8443/', [])).toEqual({ ok: true, origin: 'https://social.example:8443' });
  });

  it('refuses clear-text, malformed, supported and repeated sites with the reason', () => {
    expect(parseSiteInput('http://social.example', [])).toEqual({ ok: false, reason: 'not-https' });
    expect(parseSiteInput('not a site', [])).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSiteInput('localhost', [])).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSiteInput('', [])).toEqual({ ok: false, reason: 'invalid' });
    expect(parseSiteInput('www.messenger.com', [])).toEqual({ ok: false, reason: 'built-in' });
    expect(parseSiteInput('social.example', ['https://social.example'])).toEqual({ ok: false, reason: 'duplicate' });
  });
});
