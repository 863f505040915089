import { ROLES_OF } from '../../routes';
import { lazyPage, type PortalPage } from '../page';

/** A person's own settings: notification preferences, API keys and webhooks. */
export const SETTINGS_PAGES: PortalPage[] = [
  {
    path: '/pengaturan',
    roles: ROLES_OF.settings,
    Page: lazyPage(() => import('./SettingsPage'), 'SettingsPage'),
  },
];
