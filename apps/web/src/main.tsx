import '@mantine/core/styles.css';
import { createTheme, defaultVariantColorsResolver, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
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

// A data router (for useBlocker: a warning before leaving unsaved changes); the pages' own routes are in App.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <SessionProvider>
        <App />
      </SessionProvider>
    ),
  },
]);

// Darker than Mantine's default blue, so white text on it passes WCAG AA contrast.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  // Light badges and alerts keep their tinted background but write in near-black: their default text colour fails
  // WCAG AA contrast on it for most hues.
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    return input.variant === 'light' ? { ...colors, color: 'var(--mantine-color-dark-8)' } : colors;
  },
});

// Descriptions and other "dimmed" text: gray 7 passes AA on white, Mantine's default gray does not.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
