import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api';
import { App } from './app/App';
import './styles/base.css';
import './styles/app.css';
import './styles/reader.css';
import './styles/editor.css';
import './entities/entities.css';
import './analysis/analysis.css';
import './workspace/workspace.css';
import { followAppearance } from './app/appearance';

// Before the first render: the saved theme and fonts, so the window never starts in others.
followAppearance();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
