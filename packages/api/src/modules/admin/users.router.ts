import { ZUserCreateSchema, ZUserListSchema, ZUserRefSchema, ZUserRoleChangeSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { changeRole, createUser, deactivateUser, reactivateUser, resetPassword } from "./users.commands";
import { listUsers } from "./users.queries";

const manage = orgProcedure("user.manage");

export const usersRouter = router({
  /** A page of everyone in the organization by name, with role, status and teams; searched and filtered in SQL. */
  list: manage.input(ZUserListSchema).query(({ ctx, input }) => listUsers(ctx, input)),
  /** Invites a person, answering alike for new and existing emails: a new account is added with a temporary password, an existing one gets an invitation to accept. */
  create: manage.input(ZUserCreateSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  changeRole: manage.input(ZUserRoleChangeSchema).mutation(({ ctx, input }) => changeRole(ctx, input)),
  /** Ends the person's access here (their sessions too, unless another organization still has them); their data stays. */
  deactivate: manage.input(ZUserRefSchema).mutation(({ ctx, input }) => deactivateUser(ctx, input)),
  reactivate: manage.input(ZUserRefSchema).mutation(({ ctx, input }) => reactivateUser(ctx, input)),
  /** A new temporary password, for people whose account belongs to this organization alone. */
  resetPassword: manage.input(ZUserRefSchema).mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
