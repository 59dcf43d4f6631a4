/** Column heads the recipe tables share: gap and λ_max (with their glossary terms), diverged. */
import { Term } from '../glossary';

export function GapLambdaDivergedHeads() {
  return (
    <>
      <th scope="col">
        <Term k="gap">gap</Term>
      </th>
      <th scope="col">
        <Term k="lambdaMax">λ_max</Term>
      </th>
      <th scope="col" title="Runs that diverged (blew up)">
        diverged
      </th>
    </>
  );
}
