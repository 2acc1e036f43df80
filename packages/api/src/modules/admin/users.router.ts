import { ZUserCreateSchema, ZUserRefSchema, ZUserRoleChangeSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { changeRole, createUser, deactivateUser, reactivateUser, resetPassword } from "./users.commands";
import { listUsers } from "./users.queries";

export const usersRouter = router({
  /** Everyone in the organization, with role, status and teams. */
  list: orgProcedure("user.manage").query(({ ctx }) => listUsers(ctx)),
  /** Adds a person: a new account gets a one-time temporary password, an existing one joins. */
  create: orgProcedure("user.manage")
    .input(ZUserCreateSchema)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  changeRole: orgProcedure("user.manage")
    .input(ZUserRoleChangeSchema)
    .mutation(({ ctx, input }) => changeRole(ctx, input)),
  /** Ends the person's access here and every session they have; their objectives and history stay. */
  deactivate: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(({ ctx, input }) => deactivateUser(ctx, input)),
  reactivate: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(({ ctx, input }) => reactivateUser(ctx, input)),
  /** A new temporary password, for people whose account belongs to this organization alone. */
  resetPassword: orgProcedure("user.manage")
    .input(ZUserRefSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
});
