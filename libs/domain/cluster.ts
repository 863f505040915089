/** Kluster (tipe instansi): winners are picked per cluster. */
export const CLUSTERS = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn', 'bumd'] as const;

export type Cluster = (typeof CLUSTERS)[number];

export function isCluster(value: unknown): value is Cluster {
  return typeof value === 'string' && (CLUSTERS as readonly string[]).includes(value);
}

/** How a cluster is written in decisions and notices. */
export const CLUSTER_NAMES: Record<Cluster, string> = {
  kementerian: 'Kementerian',
  lembaga: 'Lembaga',
  provinsi: 'Provinsi',
  kabupaten: 'Kabupaten',
  kota: 'Kota',
  bumn: 'BUMN',
  bumd: 'BUMD',
};
