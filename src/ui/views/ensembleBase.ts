/**
 * The explorer's config as an ensemble's base. Ensembles are about statistics over
 * seeds, and a seed draws the run's start from the landscape's box (as the CLI does), so
 * the explorer's fixed start — there to tell one story at one seed — is left out.
 */
import type { RunConfig } from '../../engine/config';

export function ensembleBase(explorer: RunConfig): RunConfig {
  return explorer.start === null ? explorer : { ...explorer, start: null };
}
