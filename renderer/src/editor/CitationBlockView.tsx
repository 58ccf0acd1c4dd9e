// A citation in its block form: the passage as a quote, with its number, source title,
// grade and tags under it — all live from the excerpt store, like the inline marker. A
// deleted or orphaned excerpt shows the quote remembered when it was cited.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createNodeSelection, $setSelection, type NodeKey } from 'lexical';
import { memo } from 'react';
import { useNavigation } from '../app/navigation';
import { checkCitation, quoteChange } from '../briefs/checkCitations';
import { useExcerpt } from '../state/excerptStore';
import { GradeBadge } from '../ui/Grade';
import { useCitationNumber } from './citationIndex';
import { SET_CITATION_FORM_COMMAND, TOGGLE_FORM_SHORTCUT } from './plugins/CitationsPlugin/commands';
import { ChangedMark } from './QuoteDiff';

interface Props {
  nodeKey: NodeKey;
  excerptId: string;
  quoteAtCitation: string;
  sourceTitleAtCitation?: string;
}

const MAX_TAGS = 4;

export const CitationBlockView = memo(function CitationBlockView({ nodeKey, excerptId, quoteAtCitation, sourceTitleAtCitation }: Props) {
  const [editor] = useLexicalComposerContext();
  const nav = useNavigation();
  const entry = useExcerpt(excerptId);
  const number = useCitationNumber(excerptId);
  const excerpt = entry.status === 'ok' ? entry.excerpt : null;
  const known = entry.status === 'ok' || entry.status === 'deleted';
  const check = known ? checkCitation(quoteAtCitation, excerpt) : null;
  const change = quoteChange(quoteAtCitation, excerpt);
  const lost = check?.status === 'deleted' || check?.status === 'orphaned';
  const quote = lost || !excerpt ? quoteAtCitation : excerpt.quote;
  const title = excerpt?.sourceTitle ?? sourceTitleAtCitation ?? 'Unknown source';
  const state = entry.status === 'ok' ? (change || excerpt?.state === 'orphaned' ? 'changed' : 'ok') : entry.status;

  const select = () => {
    editor.update(() => {
      const selection = $createNodeSelection();
      selection.add(nodeKey);
      $setSelection(selection);
    });
    editor.getRootElement()?.focus({ preventScroll: true });
  };

  return (
    <figure
      className={`citation citation-block citation-block-${check?.status ?? entry.status}`}
      data-excerpt-id={excerptId}
      data-state={state}
      data-status={check?.status}
      data-form="block"
      aria-label={`Block citation ${number ?? ''}: ${title}${check && check.status !== 'ok' ? ` (${check.status})` : ''}`}
      onMouseDown={(e) => {
        // A click on the quote selects the citation (Delete removes it, the shortcut switches it).
        const control = (e.target as HTMLElement).closest('button, [tabindex]');
        if (control && e.currentTarget.contains(control)) return;
        e.preventDefault();
        select();
      }}
    >
      <blockquote className="citation-block-quote" dir="auto">{quote}</blockquote>
      <figcaption className="citation-block-caption">
        {number !== null && <sup className="citation-number">{number}</sup>}
        <button
          type="button"
          className="citation-block-source"
          title={excerpt ? 'Open the source at this passage' : undefined}
          disabled={!excerpt}
          onClick={() => excerpt && nav.openSource(excerpt.sourceId, excerptId)}
        >
          {title}
        </button>
        {excerpt && <GradeBadge reliability={excerpt.reliability} credibility={excerpt.credibility} />}
        {excerpt?.tags.slice(0, MAX_TAGS).map((tag) => (
          <span className="citation-tag" key={tag}>
            {tag}
          </span>
        ))}
        {check?.status === 'deleted' && <span className="citation-flag citation-flag-deleted">excerpt deleted</span>}
        {check?.status === 'orphaned' && <span className="citation-flag citation-flag-orphaned">passage lost</span>}
        {change && !lost && <ChangedMark before={change.before} after={change.after} />}
        <span className="citation-block-spacer" />
        <button
          type="button"
          className="citation-block-form"
          title={`Show as a numbered marker in the text (${TOGGLE_FORM_SHORTCUT})`}
          onClick={() => editor.dispatchCommand(SET_CITATION_FORM_COMMAND, { key: nodeKey, form: 'inline' })}
        >
          Inline
        </button>
      </figcaption>
    </figure>
  );
});
