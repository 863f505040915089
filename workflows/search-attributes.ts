import { upsertSearchAttributes } from '@temporalio/workflow';
import { SEARCH_ATTRIBUTES } from '../libs/domain/search-attributes';

type KeywordName = {
  [K in keyof typeof SEARCH_ATTRIBUTES]: (typeof SEARCH_ATTRIBUTES)[K]['type'] extends 'KEYWORD' ? K : never;
}[keyof typeof SEARCH_ATTRIBUTES];

/** Sets keyword search attributes (and Year) so auditors can find workflows by business key. */
export function upsertAttributes(values: Partial<Record<KeywordName, string>> & { Year?: number }): void {
  upsertSearchAttributes(
    Object.entries(values).map(([name, value]) => {
      const { type } = SEARCH_ATTRIBUTES[name as keyof typeof SEARCH_ATTRIBUTES];
      return { key: { name, type }, value } as never;
    }),
  );
}
