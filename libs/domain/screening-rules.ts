import type { StageParams } from './template/competition-template';

/**
 * The template's completeness rules for administrative screening, each failure worded for the agency
 * (Indonesian, as notices are). `minEvidenceLinks`: at least that many evidence links; `minSummaryWords`: a
 * summary of at least that many words.
 */
export function screeningRuleFailures(
  params: StageParams,
  entry: { summary: string; evidenceLinks: string[] },
): string[] {
  const failures: string[] = [];
  const minLinks = Number(params.minEvidenceLinks ?? 0);
  if (entry.evidenceLinks.length < minLinks) {
    failures.push(`Bukti dukung kurang: ${entry.evidenceLinks.length} tautan, minimal ${minLinks}.`);
  }
  const minWords = Number(params.minSummaryWords ?? 0);
  const words = entry.summary.trim().split(/\s+/).filter(Boolean).length;
  if (words < minWords) failures.push(`Ringkasan terlalu singkat: ${words} kata, minimal ${minWords}.`);
  return failures;
}
