import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../format/time';
import { useSession } from '../session/session';

/** Indonesian or English, in the header of every page, signed in or not. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSession();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
