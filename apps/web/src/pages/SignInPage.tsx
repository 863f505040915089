import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../session/session';

/** Sign-in; `?kembali=` is the page to return to (set when a session expired there). */
export function SignInPage() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const back = safeReturn(params.get('kembali'));
  if (user) return <Navigate to={back} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await signIn(email.trim(), password);
      void navigate(back, { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiError && error.problem.statusCode !== 401 ? error.message : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            {params.get('sesi') === 'berakhir' && <Alert color="yellow">{t('signIn.expired')}</Alert>}
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** Only a path inside the portal; never another site, whatever the address says. */
function safeReturn(path: string | null): string {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/masuk') ? path : '/';
}
