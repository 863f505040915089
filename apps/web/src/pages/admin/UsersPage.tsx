import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { DataTable } from '../../components/DataTable';
import { PagePicker } from '../../components/PagePicker';
import { QueryView } from '../../components/QueryView';
import { Instant } from '../../components/Time';
import { formatNumber } from '../../format/time';
import { useSession, type Role } from '../../session/session';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';

type Account = components['schemas']['AuthUserDto'];
const ROLES: Role[] = ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist', 'auditor'];
const AGENCY_ROLES: Role[] = ['agency', 'agency-unit'];
const PAGE_SIZE = 50;
const FIELDS = {
  email: 'email',
  displayName: 'displayName',
  role: 'role',
  agencyCode: 'agencyCode',
  password: 'password',
};

/** Accounts and their roles, newest first; the secretariat creates one, an agency role acting for one instansi. */
export function UsersPage() {
  const { t } = useTranslation();
  const { language } = useSession();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Account>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const users = useQuery({ queryKey: ['users'], queryFn: () => must(api.GET('/api/users')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('adminLists.users.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('adminLists.users.create')}</Button>
      </Group>
      {created && (
        <Alert color="green" role="status" withCloseButton onClose={() => setCreated(undefined)}>
          {t('adminLists.users.created', { email: created.email, role: t(`roles.${created.role}`) })}
        </Alert>
      )}
      <TextInput
        label={t('adminLists.users.search')}
        type="search"
        maw={480}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      <QueryView query={users}>
        {(list) => {
          const words = search.trim().toLowerCase();
          const shown = list
            .filter((account) =>
              [account.email, account.displayName, account.agencyCode ?? '', t(`roles.${account.role}`)].some((text) =>
                text.toLowerCase().includes(words),
              ),
            )
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
          const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
          const current = Math.min(page, pages);
          return (
            <Stack>
              <Text role="status">
                {t('adminLists.users.total', { count: shown.length, formatted: formatNumber(shown.length, language) })}
              </Text>
              <DataTable
                minWidth={760}
                columns={[
                  t('adminLists.users.email'),
                  t('adminLists.users.name'),
                  t('adminLists.users.role'),
                  t('adminLists.users.agency'),
                  t('adminLists.users.createdAt'),
                ]}
                rows={shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((account) => ({
                  key: account.id,
                  cells: [
                    account.email,
                    account.displayName,
                    <Badge variant="light">{t(`roles.${account.role}`, account.role)}</Badge>,
                    account.agencyCode ?? '',
                    <Instant at={account.createdAt} />,
                  ],
                }))}
              />
              {pages > 1 && <PagePicker total={pages} value={current} onChange={setPage} />}
            </Stack>
          );
        }}
      </QueryView>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('adminLists.users.create')} centered>
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(account) => {
            setCreating(false);
            setCreated(account);
            setSearch('');
            setPage(1);
          }}
        />
      </Modal>
    </Stack>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (account: Account) => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [agencyCode, setAgencyCode] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const forAgency = role !== null && AGENCY_ROLES.includes(role);
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => must(api.GET('/api/agencies')),
    staleTime: 60_000,
    enabled: forAgency,
  });
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/api/users', {
          body: {
            email: email.trim(),
            displayName,
            role: role!,
            ...(forAgency && agencyCode ? { agencyCode } : {}),
            password,
          },
        }),
      ),
    onSuccess: async (account) => {
      await queries.invalidateQueries({ queryKey: ['users'] });
      onCreated(account);
    },
  });
  const problems = fieldProblems(create.error, FIELDS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Stack>
        <TextInput
          label={t('adminLists.users.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={problems.errorAt('email')}
        />
        <TextInput
          label={t('adminLists.users.name')}
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={problems.errorAt('displayName')}
        />
        <Select
          label={t('adminLists.users.role')}
          required
          allowDeselect={false}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          error={problems.errorAt('role')}
        />
        {forAgency && (
          <Select
            label={t('adminLists.users.agency')}
            description={t('adminLists.users.agencyHint')}
            required
            searchable
            limit={50}
            nothingFoundMessage={t('adminLists.nothingFound')}
            value={agencyCode}
            onChange={setAgencyCode}
            data={(agencies.data ?? []).map((agency) => ({
              value: agency.code,
              label: `${agency.name} (${agency.code})`,
            }))}
            error={problems.errorAt('agencyCode')}
          />
        )}
        <PasswordInput
          label={t('adminLists.users.password')}
          description={t('adminLists.users.passwordHint')}
          required
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={problems.errorAt('password')}
          visibilityToggleButtonProps={{ 'aria-label': t('adminLists.users.showPassword') }}
        />
        {create.isError && <FormRefusal error={create.error} unplaced={problems.unplaced} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('adminLists.users.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
