// The source's reliability in the reader's header: the grade (its own, or "from
// publisher"), and a small popover to grade it A–F.
import { useId, useRef, useState } from 'react';
import { useDismiss } from '../ui/useDismiss';
import { api } from '../api';
import { notifyError } from '../state/toasts';
import { RELIABILITY_MEANINGS, type SourceSummary } from '../types';
import { GradeLegend, ReliabilityPicker } from '../ui/Grade';
import { openPublishers } from '../state/panels';

export function SourceGrade({ source }: { source: SourceSummary }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const hostRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popoverId = useId();

  // The grade legend opened from inside is drawn elsewhere: pressing in it keeps this open.
  useDismiss(open, () => setOpen(false), (target) => !!(hostRef.current?.contains(target) || (target as Element).closest?.('.grade-legend')), buttonRef);

  const own = source.reliabilityFrom === 'source' ? source.reliability : null;
  const fromPublisher = source.reliabilityFrom === 'publisher' ? source.reliability : null;

  const grade = async (reliability: typeof own) => {
    setBusy(true);
    try {
      await api['sources:grade']({ id: source.id, reliability });
    } catch (error) {
      notifyError(error, 'The grade was not saved');
    } finally {
      setBusy(false);
    }
  };

  const title = source.reliability
    ? `Source reliability ${source.reliability} — ${RELIABILITY_MEANINGS[source.reliability]}${fromPublisher ? ` (the default of ${source.publisher})` : ''}`
    : 'Source reliability: not graded';

  return (
    <span className="source-grade" ref={hostRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`source-grade-button${source.reliability ? '' : ' is-ungraded'}`}
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={source.reliability ? `${title}. Change` : 'Grade source. Source reliability: not graded'}
        title={title}
        onClick={() => setOpen((o) => !o)}
      >
        {source.reliability ? (
          <>
            <span className={`grade${fromPublisher ? ' grade-inherited' : ''}`}>{source.reliability}</span>
            {fromPublisher && <span className="source-grade-from">(from publisher)</span>}
          </>
        ) : (
          <span className="source-grade-none">Grade source</span>
        )}
      </button>
      {open && (
        <div id={popoverId} className="popover source-grade-popover" role="dialog" aria-label="Source reliability">
          <div className="source-grade-popover-header">
            <span className="field-label">Source reliability</span>
            <GradeLegend align="end" />
          </div>
          <ReliabilityPicker label="Source reliability" value={own} inherited={fromPublisher} inheritedLabel="from publisher" onChange={(r) => void grade(r)} disabled={busy} autoFocus />
          {source.publisher ? (
            <p className="muted small">
              {fromPublisher
                ? `${source.publisher}’s default. Grading this source overrides it for this source only.`
                : own
                  ? `Graded for this source. ${source.publisher}’s default applies to its sources not graded themselves.`
                  : `The first grade of a ${source.publisher} source becomes the publisher’s default.`}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setOpen(false);
                  openPublishers(source.publisher);
                }}
              >
                Publisher grades…
              </button>
            </p>
          ) : (
            <p className="muted small">No publisher is set: the grade is this source’s only.</p>
          )}
        </div>
      )}
    </span>
  );
}
