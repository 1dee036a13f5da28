import { z } from 'zod';
import { anyCase } from './camel-case-keys.js';

/** QPS `SessionData`: only `sessionId` is needed; the rest is checked when present. */
const sessionDataSchema = z.object({
  sessionId: z.string().min(1),
  userDirectory: z.string().optional(),
  userId: z.string().optional(),
});

export const sessionListSchema = anyCase(z.array(sessionDataSchema));

/** `DELETE /qps/user/...` lists the sessions it ended; an empty body means none. */
export const endedSessionsSchema = anyCase(z.union([z.array(sessionDataSchema), z.null()]));

const userCondensedSchema = z.object({
  id: z.string().optional(),
  userId: z.string(),
  userDirectory: z.string(),
});

/** QRS `License*AccessType` allocations and `LicenseLoginAccessUsage` rows: an id and the user it belongs to. */
export const allocationListSchema = anyCase(
  z.array(
    z.object({
      id: z.string().min(1),
      user: userCondensedSchema.nullish(),
    }),
  ),
);

export const virtualProxyListSchema = anyCase(
  z.array(
    z.object({
      prefix: z.string().nullish(),
    }),
  ),
);

const accessSummarySchema = z
  .object({
    enabled: z.boolean().optional(),
    total: z.number().optional(),
    allocated: z.number().optional(),
    used: z.number().optional(),
    available: z.number().optional(),
  })
  .nullish();

export const accessTypeOverviewSchema = anyCase(
  z.object({
    professionalAccess: accessSummarySchema,
    analyzerAccess: accessSummarySchema,
    userAccess: accessSummarySchema,
    loginAccess: accessSummarySchema,
  }),
);

export type SessionData = z.infer<typeof sessionDataSchema>;

/** `GET /qrs/user/full`: the users with their roles (RootAdmin, ...). */
export const userListSchema = anyCase(
  z.array(
    z.object({
      userId: z.string(),
      userDirectory: z.string(),
      roles: z.array(z.string()).nullish(),
    }),
  ),
);
