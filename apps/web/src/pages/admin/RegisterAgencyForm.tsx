import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLUSTER_NAMES, CLUSTERS, type Cluster } from '../../../../../libs/domain/cluster';
import { ZONES, type Zone } from '../../../../../libs/domain/time-zone';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { fieldProblems, FormRefusal } from '../../components/FormRefusal';

type Agency = components['schemas']['AgencyDto'];

/** The API's paths of a registration, and the form's field each is shown at. */
const FIELDS: Record<string, string> = {
  code: 'code',
  name: 'name',
  cluster: 'cluster',
  province: 'province',
  zone: 'zone',
  language: 'language',
  region3T: 'region3T',
  contacts: 'contactEmail',
  'contacts.0': 'contactEmail',
  'contacts.0.name': 'contactName',
  'contacts.0.email': 'contactEmail',
  'contacts.0.phone': 'contactPhone',
};

/** One agency registered by hand (`POST /agencies`): a taken code and every bad field are shown at their field. */
export function RegisterAgencyForm({
  onCancel,
  onRegistered,
}: {
  onCancel: () => void;
  onRegistered: (agency: Agency) => void;
}) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [form, setForm] = useState({
    code: '',
    name: '',
    cluster: null as Cluster | null,
    province: '',
    zone: null as Zone | null,
    language: 'id' as 'id' | 'en',
    region3T: false,
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  });
  const change = (changes: Partial<typeof form>) => setForm((current) => ({ ...current, ...changes }));
  const register = useMutation({
    mutationFn: () => {
      const contact = [form.contactName, form.contactEmail, form.contactPhone].some((value) => value.trim());
      return must(
        api.POST('/api/agencies', {
          body: {
            code: form.code.trim(),
            name: form.name.trim(),
            cluster: form.cluster!,
            province: form.province,
            zone: form.zone!,
            language: form.language,
            region3T: form.region3T,
            ...(contact && {
              contacts: [
                {
                  name: form.contactName,
                  email: form.contactEmail.trim(),
                  ...(form.contactPhone.trim() && { phone: form.contactPhone.trim() }),
                },
              ],
            }),
          },
        }),
      );
    },
    onSuccess: async (agency) => {
      await queries.invalidateQueries({ queryKey: ['agencies'] });
      onRegistered(agency);
    },
  });
  const problems = fieldProblems(register.error, FIELDS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register.mutate();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('agencies.code')}
            description={t('adminLists.agencyForm.codeHint')}
            required
            value={form.code}
            onChange={(event) => change({ code: event.currentTarget.value })}
            error={problems.errorAt('code')}
          />
          <TextInput
            label={t('agencies.name')}
            required
            value={form.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={problems.errorAt('name')}
          />
          <Select
            label={t('adminLists.agencyForm.cluster')}
            required
            allowDeselect={false}
            value={form.cluster}
            onChange={(value) => change({ cluster: value as Cluster | null })}
            data={CLUSTERS.map((cluster) => ({ value: cluster, label: CLUSTER_NAMES[cluster] }))}
            error={problems.errorAt('cluster')}
          />
          <TextInput
            label={t('agencies.province')}
            required
            value={form.province}
            onChange={(event) => change({ province: event.currentTarget.value })}
            error={problems.errorAt('province')}
          />
          <Select
            label={t('agencies.zone')}
            required
            allowDeselect={false}
            value={form.zone}
            onChange={(value) => change({ zone: value as Zone | null })}
            data={ZONES.map((zone) => ({ value: zone, label: zone }))}
            error={problems.errorAt('zone')}
          />
          <Select
            label={t('adminLists.agencyForm.language')}
            allowDeselect={false}
            value={form.language}
            onChange={(value) => change({ language: value === 'en' ? 'en' : 'id' })}
            data={[
              { value: 'id', label: t('adminLists.agencyForm.languages.id') },
              { value: 'en', label: t('adminLists.agencyForm.languages.en') },
            ]}
            error={problems.errorAt('language')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('adminLists.agencyForm.region3T')}
          checked={form.region3T}
          onChange={(event) => change({ region3T: event.currentTarget.checked })}
          error={problems.errorAt('region3T')}
        />
        <Fieldset legend={t('adminLists.agencyForm.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('adminLists.agencyForm.contactName')}
              value={form.contactName}
              onChange={(event) => change({ contactName: event.currentTarget.value })}
              error={problems.errorAt('contactName')}
            />
            <TextInput
              label={t('adminLists.agencyForm.contactEmail')}
              type="email"
              value={form.contactEmail}
              onChange={(event) => change({ contactEmail: event.currentTarget.value })}
              error={problems.errorAt('contactEmail')}
            />
            <TextInput
              label={t('adminLists.agencyForm.contactPhone')}
              type="tel"
              value={form.contactPhone}
              onChange={(event) => change({ contactPhone: event.currentTarget.value })}
              error={problems.errorAt('contactPhone')}
            />
          </SimpleGrid>
        </Fieldset>
        {register.isError && <FormRefusal error={register.error} unplaced={problems.unplaced} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('adminLists.agencyForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
