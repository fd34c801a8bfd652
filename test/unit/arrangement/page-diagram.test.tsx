import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { PageDiagram, diagramLinks } from '@/components/arrangement/PageDiagram';
import { sampleArrangement } from '../fixtures';
import { speak } from '../popup/messages';

const NAMES: Record<string, string> = { facebook: 'Facebook', messenger: 'Messenger', meta: 'Meta', paypal: 'PayPal', visa: 'Visa', chase: 'Chase' };
const name = (id: string) => NAMES[id] ?? id;

describe('the page diagram', () => {
  beforeEach(() => speak('en'));
  afterEach(cleanup);

  const active = sampleArrangement({ id: 'a', platform: 'messenger', flows: [{ from: 'messenger', to: 'visa', data: ['payment-transactions'], purpose: 'x' }, { from: 'paypal', to: 'messenger', data: ['identity'], purpose: 'x' }] });
  const paypalBack = sampleArrangement({ id: 'b', platform: 'messenger', flows: [{ from: 'messenger', to: 'paypal', data: ['contact-details'], purpose: 'x' }] });
  const declined = sampleArrangement({ id: 'c', platform: 'messenger', status: 'declined', flows: [{ from: 'chase', to: 'facebook', data: ['card-transactions'], purpose: 'x' }] });
  const ended = sampleArrangement({ id: 'd', platform: 'messenger', status: 'ended', flows: [{ from: 'facebook', to: 'visa', data: ['card-details'], purpose: 'x' }, { from: 'meta', to: 'meta', data: ['identity'], purpose: 'x' }] });

  it('draws each party once, with every category on its one line, and the strongest status wins', () => {
    const links = diagramLinks(new Set(['messenger', 'meta', 'facebook']), [active, paypalBack, declined, ended]);
    expect(links).toEqual([
      { party: 'visa', direction: 'out', data: ['payment-transactions', 'card-details'], line: 'active' },
      { party: 'paypal', direction: 'both', data: ['identity', 'contact-details'], line: 'active' },
      { party: 'chase', direction: 'in', data: ['card-transactions'], line: 'unconfirmed' },
    ]);
  });

  it('is one image to a screen reader, named by who sends what to whom', () => {
    render(<PageDiagram platform="messenger" owner="facebook" arrangements={[active, declined]} name={name} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Who receives data on this page. You use Messenger (Facebook). Messenger (Facebook) sends payment history to Visa (in force), PayPal sends identity details to Messenger (Facebook) (in force), and Chase sends card transactions to Messenger (Facebook) (proposed, reported or refused).',
    );
    expect([...document.querySelectorAll('.link')].map((l) => l.className)).toEqual(['link line-active dir-out', 'link line-active dir-in', 'link line-unconfirmed dir-in']);
  });
});
