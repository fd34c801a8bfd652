import { i18n } from '#i18n';
import type { TabReport } from '@/utils/model/tab-report';

interface Props {
  report: Pick<TabReport, 'firm' | 'detections' | 'findings'>;
  name(id: string): string;
}

/**
 * On a financial firm's own page the data goes the other way: from the firm's page to the
 * platform whose code it loads. One sentence per platform says which way, and whether any known
 * arrangement stands behind it; none is invented where the list has none.
 */
export function FirmDirection({ report, name }: Props) {
  const firm = name(report.firm!);
  const explained = new Set(report.findings.flatMap((f) => f.ruleIds));
  const sentences = new Map<string, string>();
  for (const d of report.detections)
    for (const platform of d.partners) {
      const key = `${d.feature}|${platform}`;
      if (sentences.has(key) && !explained.has(d.ruleId)) continue;
      const vars = { firm, platform: name(platform) };
      sentences.set(
        key,
        d.feature === 'social-sign-in'
          ? i18n.t('direction.signIn', vars)
          : explained.has(d.ruleId)
            ? i18n.t('direction.sends', vars)
            : i18n.t('direction.unknown', vars),
      );
    }
  return (
    <ul class="direction" data-testid="direction">
      {[...sentences].map(([key, sentence]) => (
        <li key={key}>{sentence}</li>
      ))}
    </ul>
  );
}
