/** Path → view, with the permission each needs (the server enforces it again on every request). */
import type { ReactNode } from 'react';
import { Account } from './views/account.tsx';

export interface Route {
  path: string;
  permission: string;
  render(params: Record<string, string>): ReactNode;
}

export const routes: readonly Route[] = [{ path: '/account', permission: 'token.manage', render: () => <Account /> }];
