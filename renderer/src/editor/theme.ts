import type { EditorThemeClasses } from 'lexical';

/** Class names the editor puts on its nodes; styled in styles/editor.css and editor/editor-tools.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-p',
  quote: 'ed-quote',
  heading: { h1: 'ed-h1', h2: 'ed-h2', h3: 'ed-h3' },
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
    olDepth: ['ed-ol1', 'ed-ol2', 'ed-ol3', 'ed-ol4', 'ed-ol5'],
    ulDepth: ['ed-ul1', 'ed-ul2', 'ed-ul3', 'ed-ul4', 'ed-ul5'],
  },
  link: 'ed-link',
  text: { bold: 'ed-bold', italic: 'ed-italic', underline: 'ed-underline', strikethrough: 'ed-strike', underlineStrikethrough: 'ed-underline-strike', code: 'ed-code' },
  table: 'ed-table',
  tableRow: 'ed-tr',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableCellSelected: 'ed-td-selected',
  tableSelection: 'ed-table-selection',
  tableScrollableWrapper: 'ed-table-scroll',
  hr: 'ed-hr',
  hrSelected: 'ed-hr-selected',
};
