import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The portal's paging: Mantine's Pagination with every button named in the person's language (axe needs names). */
export function PagePicker({
  total,
  value,
  onChange,
}: {
  total: number;
  value: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Pagination
      total={total}
      value={value}
      onChange={onChange}
      getControlProps={(control) => ({ 'aria-label': t(`common.${control}Page`) })}
      getItemProps={(item) => ({ 'aria-label': t('common.pageNumber', { page: item }) })}
    />
  );
}
