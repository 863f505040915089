import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './QueryView';

/**
 * An action that needs a reason (close now, extend, pause, return a draft…): the reason is asked for, the API's
 * answer is shown as it words it, and on success the listed queries are read again.
 */
export function ActionDialog({
  title,
  opened,
  onClose,
  confirm,
  run,
  invalidates,
  reasonLabel,
  reasonRequired = true,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  confirm: string;
  run: (reason: string) => Promise<unknown>;
  invalidates: unknown[][];
  reasonLabel?: string;
  reasonRequired?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [reason, setReason] = useState('');
  const action = useMutation({
    mutationFn: () => run(reason.trim()),
    onSuccess: async () => {
      await Promise.all(invalidates.map((queryKey) => queries.invalidateQueries({ queryKey })));
      setReason('');
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          action.mutate();
        }}
      >
        <Stack>
          {children}
          <Textarea
            label={reasonLabel ?? t('common.reason')}
            description={t('common.reasonHint')}
            required={reasonRequired}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {action.isError && <ProblemAlert error={action.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={action.isPending}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
