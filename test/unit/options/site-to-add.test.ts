import { describe, expect, it } from 'vitest';
import { addableOrigin, siteToAdd, siteToAddHash } from '@/components/options/site-to-add';

describe('the popup’s hand-off of a site to add', () => {
  it('carries an https origin to the options page and back unchanged', () => {
    expect(siteToAddHash('https://social.example')).toBe('#add=https%3A%2F%2Fsocial.example');
    expect(siteToAdd(siteToAddHash('https://social.example'))).toBe('https://social.example');
    expect(siteToAdd(siteToAddHash('https://social.example:8443'))).toBe('https://social.example:8443');
  });

  it('ignores anything that is not exactly an https origin', () => {
    for (const value of [
      'http://social.example',
      'https://social.example/feed',
      'https://social.example/',
      'https://Social.Example',
      'https://user@social.example',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
      '',
    ])
      expect(siteToAdd(siteToAddHash(value)), value).toBeUndefined();
    expect(siteToAdd('')).toBeUndefined();
    expect(siteToAdd('#sites')).toBeUndefined();
  });

  it('offers only a tab on an https page, by its origin', () => {
    expect(addableOrigin('https://social.example/u/dana?tab=pay#top')).toBe('https://social.example');
    expect(addableOrigin('http://social.example/')).toBeUndefined();
    expect(addableOrigin('chrome://extensions/')).toBeUndefined();
    expect(addableOrigin(undefined)).toBeUndefined();
  });
});
