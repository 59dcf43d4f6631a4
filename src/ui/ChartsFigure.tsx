/** The explorer's readouts and charts as one figure (`?view=charts`), loaded on first use. */
import { ChartsPanel } from './charts/ChartsPanel';
import { Readouts } from './readouts/Readouts';

export function ChartsFigure() {
  return (
    <>
      <Readouts />
      <ChartsPanel />
    </>
  );
}
