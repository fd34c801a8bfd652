import { describe, expect, it } from 'vitest';
import { CANDIDATES, isCandidate } from '@/page/detect/detector';
import { readFixturePages } from '../../../tools/harness/fixture-pages';

// The first scan classifies elements in code, batches use the selector: both must agree.
describe('candidate elements', () => {
  it('isCandidate says what the CANDIDATES selector says, on every element of every fixture page', () => {
    let checked = 0;
    for (const page of readFixturePages()) {
      document.documentElement.innerHTML = page.html.replace(/^<!--[^\n]*\n/, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
      for (const element of document.querySelectorAll('*')) {
        expect(isCandidate(element), `${page.name}: ${element.outerHTML.slice(0, 80)}`).toBe(element.matches(CANDIDATES));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
