/** @module Pages views: the strategic axes of the 2023 factsheet, numbered, in the reader's language. */
import { useView } from '../../../platform/views/context.js';
import { STRATEGIC_AXES_2023 } from '../../../platform/reference/data/mechanism.js';

export function AxesList() {
  const { locale: l } = useView();
  return (
    <ol>
      {STRATEGIC_AXES_2023.map((a) => (
        <li>
          <strong>{a.title[l]}.</strong> {a.description[l]}
        </li>
      ))}
    </ol>
  );
}
