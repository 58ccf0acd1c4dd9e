// The "Event date" of an excerpt (when what it reports happened: YYYY, YYYY-MM or
// YYYY-MM-DD), with the dates its quote mentions offered as one-click suggestions.
// Used in the reader's excerpt panel (ExcerptForm).
import { useId } from 'react';
import { api } from '../api';
import { formatEventDate, isEventDate } from '../analysis/dates';
import { useApiQuery } from '../state/topics';

export { isEventDate };

/** A value the form may save: empty (no date) or a valid event date. */
export const eventDateOk = (value: string) => !value.trim() || isEventDate(value.trim());

export function EventDateField({ excerptId, value, onChange }: { excerptId?: string; value: string; onChange(value: string): void }) {
  const id = useId();
  const suggestions = useApiQuery(excerptId ? () => api['excerpts:dateSuggestions']({ id: excerptId }) : null, [excerptId], ['excerpts']);
  const invalid = !eventDateOk(value);
  const offered = (suggestions.data ?? []).filter((d) => d !== value.trim());
  return (
    <div className="field event-date-field">
      <label className="field-label field-label-row" htmlFor={id}>
        Event date <span className="field-hint">YYYY, YYYY-MM or YYYY-MM-DD</span>
      </label>
      <input
        id={id}
        type="text"
        name="eventDate"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="When it happened, e.g. 2025-11"
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        autoComplete="off"
        inputMode="numeric"
      />
      {invalid && (
        <span id={`${id}-error`} className="field-error">
          Write the date as 2025, 2025-11 or 2025-11-04.
        </span>
      )}
      {offered.length > 0 && (
        <span className="date-suggestions">
          <span className="field-hint">In the quote:</span>
          {offered.map((d) => (
            <button key={d} type="button" className="chip chip-date" onClick={() => onChange(d)} title={`Use ${d}`}>
              {formatEventDate(d)}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
