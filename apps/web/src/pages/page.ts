import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../session/session';

/** A page of the portal: its address, who may open it, and the component, loaded when first visited. */
export interface PortalPage {
  path: string;
  roles: Role[];
  Page: LazyExoticComponent<ComponentType>;
}

/** A page anyone may open, signed in or not (under `PublicLayout`). */
export type PublicPage = Omit<PortalPage, 'roles'>;

/** A page loaded when first visited, so an agency's phone never downloads the secretariat's pages. */
export function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
