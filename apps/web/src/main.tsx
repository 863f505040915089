import '@mantine/core/styles.css';
import {
  Alert,
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  Modal,
  type CSSVariablesResolver,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
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
const themeIn = (closeLabel: string) =>
  createTheme({
    primaryColor: 'indigo',
    primaryShade: 8,
    // A person who asked their system for less motion gets dialogs and menus without animation.
    respectReducedMotion: true,
    // Light badges and alerts keep their tinted background but write in near-black: their default text colour fails
    // WCAG AA contrast on it for most hues.
    variantColorResolver: (input) => {
      const colors = defaultVariantColorsResolver(input);
      return input.variant === 'light' ? { ...colors, color: 'var(--mantine-color-dark-8)' } : colors;
    },
    // Every dialog's and alert's close button is named in the person's language (axe: buttons must have discernible text).
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: closeLabel } }),
    },
  });

// Descriptions and other "dimmed" text: gray 7 passes AA on white, Mantine's default gray does not. Field errors:
// red 8 is 5.7:1 on white, Mantine's error red (red 6) 3.6:1.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});

function Themed({ children }: { children: ReactNode }) {
  const { t, i18n: language } = useTranslation();
  const theme = useMemo(() => themeIn(t('common.close')), [t, language.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </Themed>
    </I18nextProvider>
  </StrictMode>,
);
