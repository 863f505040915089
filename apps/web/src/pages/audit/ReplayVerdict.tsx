import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type Verdict = components['schemas']['AuditReplayVerdictDto'];

/** One history's replay: verified, or diverged with the first event the code no longer produces or expects. */
export function ReplayVerdict({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  if (verdict.ok)
    return (
      <Alert color="green" role="status" data-testid="replay-verdict">
        {t('audit.verdict.ok', { workflowId: verdict.workflowId })}
      </Alert>
    );
  return (
    <Alert color="red" role="status" data-testid="replay-verdict">
      {verdict.divergedAt
        ? t('audit.verdict.diverged', { workflowId: verdict.workflowId, ...verdict.divergedAt })
        : t('audit.verdict.divergedUnnamed', { workflowId: verdict.workflowId })}
      {verdict.message && (
        <Text size="sm" mt="xs" style={{ wordBreak: 'break-word' }}>
          {verdict.message}
        </Text>
      )}
    </Alert>
  );
}
