// Entities a merge would not place by guess (a name shared with entities of another type,
// or with two entities), waiting above the entities list for the analyst: merge into one
// of the entities here, keep as a new entity under another name, or dismiss.
import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { notify, notifyError } from '../state/toasts';
import { useApiQuery } from '../state/topics';
import { ENTITY_TYPE_LABELS, type EntityType } from '../types';

type Review = NonNullable<ReturnType<typeof useReviews>['data']>[number];

function useReviews() {
  return useApiQuery(() => api['entities:reviews']({}), [], ['entities']);
}

const typeLabel = (type: string) => ENTITY_TYPE_LABELS[type as EntityType] ?? type;

export function EntityReviews() {
  const reviews = useReviews();
  if (!reviews.data?.length) return null;
  return (
    <section className="entity-reviews card" aria-label="Entities to review after a merge">
      <h3 className="entity-reviews-title">To review after merging ({reviews.data.length})</h3>
      <p className="entity-reviews-help">Their names are shared with entities of another type, or with two entities, so they were not merged by guess.</p>
      <ul>
        {reviews.data.map((r) => (
          <li key={r.id}>
            <ReviewRow review={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewRow({ review }: { review: Review }) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(`${review.name} (${typeLabel(review.type).toLowerCase()})`);
  const decide = async (decision: { into: string } | { asNew: string } | { dismiss: true }, done: string) => {
    try {
      await api['entities:review']({ id: review.id, ...decision });
      notify(done);
    } catch (error) {
      notifyError(error, `“${review.name}” was not changed`);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void decide({ asNew: name }, `Kept “${name}” as a new entity.`);
  };
  return (
    <div className="entity-review">
      <p>
        <strong>{review.name}</strong> ({typeLabel(review.type)}, {review.excerpts} excerpt{review.excerpts === 1 ? '' : 's'}) — matches {review.candidates.map((c) => `${c.name} (${typeLabel(c.type)})`).join(' and ')}
      </p>
      <div className="entity-review-actions">
        {review.candidates.map((c) => (
          <button key={c.id} type="button" className="button" onClick={() => void decide({ into: c.id }, `Merged “${review.name}” into ${c.name}.`)}>
            Merge into {c.name} ({typeLabel(c.type)})
          </button>
        ))}
        <button type="button" className="button" aria-expanded={naming} onClick={() => setNaming((v) => !v)}>
          Keep as new…
        </button>
        <button type="button" className="button button-quiet" onClick={() => void decide({ dismiss: true }, `Dismissed “${review.name}”.`)}>
          Dismiss
        </button>
      </div>
      {naming && (
        <form className="entity-review-name" onSubmit={submit}>
          <label>
            New entity’s name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </label>
          <button type="submit" className="button button-primary">
            Keep
          </button>
        </form>
      )}
    </div>
  );
}
