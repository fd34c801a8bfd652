import { i18n } from '#i18n';
import type { Finding } from '@/utils/model/finding';
import type { SignalHit } from '@/utils/model/detection';
import { listOf } from '../../utils/i18n';

/** Message keys are fixed strings, so each signal kind names its clause explicitly (and the compiler checks them). */
const REASON = {
  route: 'because.route',
  control: 'because.control',
  selector: 'because.selector',
  frame: 'because.frame',
  script: 'because.script',
  form: 'because.form',
  link: 'because.link',
  'entity-page': 'because.entity',
} as const satisfies Record<SignalHit['kind'], string>;

/**
 * One line on what this page showed that makes the arrangement apply, e.g. "Why it applies: this
 * page loads a script from www.paypal.com (PayPal)." The first signal is the reason; the firms are
 * the ones the page itself showed, never the arrangement's other parties. Empty for a finding
 * saved before findings carried their reasons.
 */
export function becauseLine(finding: Pick<Finding, 'because' | 'partners'>, name: (id: string) => string): string {
  const signal = finding.because[0];
  if (!signal) return '';
  const reason = i18n.t(REASON[signal.kind], { evidence: signal.evidence });
  return finding.partners.length ? i18n.t('because.lineWith', { reason, partners: listOf(finding.partners.map(name)) }) : i18n.t('because.line', { reason });
}
