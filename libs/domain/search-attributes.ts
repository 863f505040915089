/**
 * Tahap's custom search attributes, as plain data: workflows upsert them, the dev server and the compose
 * setup register them. `type` uses the SDK's names (KEYWORD, INT), `cliType` the server CLI's.
 */
export const SEARCH_ATTRIBUTES = {
  CycleId: { name: 'CycleId', type: 'KEYWORD', cliType: 'Keyword' },
  Programme: { name: 'Programme', type: 'KEYWORD', cliType: 'Keyword' },
  Year: { name: 'Year', type: 'INT', cliType: 'Int' },
  Stage: { name: 'Stage', type: 'KEYWORD', cliType: 'Keyword' },
  EntryStatus: { name: 'EntryStatus', type: 'KEYWORD', cliType: 'Keyword' },
  Cluster: { name: 'Cluster', type: 'KEYWORD', cliType: 'Keyword' },
  Group: { name: 'Group', type: 'KEYWORD', cliType: 'Keyword' },
  AgencyCode: { name: 'AgencyCode', type: 'KEYWORD', cliType: 'Keyword' },
} as const;
