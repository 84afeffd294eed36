/** Administration: users, jurisdictions, their activation history and rule versions. */
import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { pageQuery } from './common.ts';

export const userListQuery = z.object({ q: z.string().max(64).optional().describe('Start of the user name or display name'), ...pageQuery });

export const newUserBody = z.object({
  username: z.string().min(2).max(64),
  displayName: z.string().min(1).max(120),
  role: z.enum(ROLES),
  ori: z.string().length(9),
  scope: z.string().min(1).max(80).describe('national, state:XX or county:<jurisdiction id>'),
  timeZone: z.string().optional(),
  password: z.string().min(12).max(256).optional().describe('Generated and returned once when absent'),
});

export const userChangeBody = z
  .object({
    displayName: z.string().min(1).max(120),
    role: z.enum(ROLES),
    ori: z.string().length(9),
    scope: z.string().min(1).max(80),
    timeZone: z.string(),
    password: z.string().min(12).max(256),
    disabled: z.boolean(),
  })
  .partial();
