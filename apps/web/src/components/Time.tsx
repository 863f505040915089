import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../../libs/domain/time-zone';
import { formatInstant, remaining } from '../format/time';
import { useSession, useUser } from '../session/session';

/** An instant in the signed-in person's zone (or `zone`), with the zone's name. */
export function Instant({ at, zone, weekday }: { at: string | Date; zone?: Zone; weekday?: boolean }) {
  const user = useUser();
  const { language } = useSession();
  const instant = new Date(at);
  return <time dateTime={instant.toISOString()}>{formatInstant(instant, zone ?? user.zone, language, weekday)}</time>;
}

/** Time left until `until`, ticking each second; says so once it has passed. */
export function Countdown({ until }: { until: string | Date }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = remaining(until, now);
  return (
    <Text component="span" fw={600} c={left ? undefined : 'red.8'} data-testid="countdown">
      {left ? t('countdown.left', left) : t('countdown.passed')}
    </Text>
  );
}
