/**
 * Runs a view's experiment through the ensemble store (the worker pool) and hands back
 * its state with the spec the results belong to. The spec travels as its own JSON key,
 * so results are always aggregated with the spec that produced them, never with
 * parameters edited since.
 *
 * Auto-run: a view whose current spec has no results (first open, or the explorer's
 * config changed meanwhile) starts at once, so it is never empty; results that match
 * are kept when you leave a tab and come back. `rerun` forces a fresh run.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EnsembleJob, JobResult } from '../../engine/ensemble';
import {
  cancelExperiment,
  ensembleStore,
  runExperiment,
  type ExperimentId,
  type ExperimentState,
} from '../../state/ensembleStore';
import { useEnsemble } from '../../state/react';

export interface Plan<S> {
  spec: S;
  jobs: EnsembleJob[];
}

/** Plans above this many jobs are refused: they would tie the pool up for minutes. */
export const MAX_JOBS = 6000;

export interface Experiment<S> {
  state: ExperimentState;
  /** The spec of `state.results` (null until some run of this view started). */
  spec: S | null;
  /** Results of the current spec, complete (null while running or for another spec). */
  results: JobResult[] | null;
  rerun(): void;
  cancel(): void;
  /** Why the plan cannot run (too large), if so. */
  refused: string | null;
}

export function useExperiment<S>(id: ExperimentId, plan: Plan<S>): Experiment<S> {
  const state = useEnsemble((s) => s[id]);
  const key = useMemo(() => JSON.stringify(plan.spec), [plan.spec]);
  const refused =
    plan.jobs.length > MAX_JOBS
      ? `That is ${plan.jobs.length} runs; at most ${MAX_JOBS} at a time — use fewer seeds or values (or the CLI).`
      : plan.jobs.length === 0
        ? 'Nothing to run.'
        : null;
  const [nonce, setNonce] = useState(0);
  const started = useRef(0);
  const requests = useEnsemble((s) => s[id].rerunRequests);
  const startedRequests = useRef(requests);
  const jobsRef = useRef(plan.jobs);
  jobsRef.current = plan.jobs;

  useEffect(() => {
    if (refused) return;
    const s = ensembleStore.getState()[id];
    const forced = nonce !== started.current || requests !== startedRequests.current;
    // Also the guard against StrictMode's second effect: the first already started it.
    if (s.specKey === key && (s.status === 'running' || (!forced && s.status !== 'idle'))) return;
    started.current = nonce;
    startedRequests.current = requests;
    void runExperiment(id, jobsRef.current, key);
  }, [id, key, nonce, requests, refused]);

  const spec = useMemo(
    () => (state.specKey ? (JSON.parse(state.specKey) as S) : null),
    [state.specKey],
  );
  const results = state.status === 'done' && state.specKey === key ? state.results : null;
  const rerun = useCallback(() => setNonce((n) => n + 1), []);
  const cancel = useCallback(() => cancelExperiment(id), [id]);
  return { state, spec, results, rerun, cancel, refused };
}
