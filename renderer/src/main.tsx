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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
