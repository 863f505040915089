import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client';
import { App } from './App';
import { i18n } from './i18n';
import { SessionProvider } from './session/session';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) will not change by asking again.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.problem.statusCode < 500) && count < 2 },
  },
});

// Darker than Mantine's default blue, so white text on it passes WCAG AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8 });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
