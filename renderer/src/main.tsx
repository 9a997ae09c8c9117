import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectBridge } from './bridge';
import { errorLine } from './errors/describe-error';
import { StateProvider } from './state/StateProvider';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
try {
  const bridge = connectBridge();
  root.render(
    <StrictMode>
      <StateProvider bridge={bridge}>
        <App />
      </StateProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(<p role="alert">{errorLine(error)}</p>);
}
