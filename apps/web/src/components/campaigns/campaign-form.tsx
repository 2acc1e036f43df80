"use client";

import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  CURRENCIES,
  type Currency,
  type TCampaignFormInput,
  toMajorUnits,
  ZCampaignFormSchema,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { KeyResultOptions, NamedOptions, useOkrChoices } from "~/components/links/link-options";
import { PersonPicker } from "~/components/people/person-picker";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC, useTRPCClient } from "~/trpc/react";

const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** A campaign as its page reads it, for the edit form. */
export interface EditableCampaign extends Omit<TCampaignFormInput, "budget"> {
  id: string;
  version: number;
  budget: number | null;
  currency: Currency;
  /** The linked objective and key result as read, kept choosable when they are not of the current cycle. */
  objective?: { id: string; name: string } | null;
  keyResult?: { id: string; name: string } | null;
}

export const campaignFormValues = (c: EditableCampaign): TCampaignFormInput => ({
  name: c.name,
  channel: c.channel,
  ownerId: c.ownerId,
  teamId: c.teamId ?? null,
  status: c.status,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  budget: c.budget === null ? "" : String(toMajorUnits(c.budget, c.currency)),
  currency: c.currency,
  utmSource: c.utmSource ?? "",
  utmMedium: c.utmMedium ?? "",
  utmCampaign: c.utmCampaign ?? "",
  landingUrl: c.landingUrl ?? "",
  objectiveId: c.objectiveId ?? null,
  keyResultId: c.keyResultId ?? null,
  strategicObjectiveId: c.strategicObjectiveId ?? null,
});

/**
 * Creates a campaign, or edits one against the version it read (a conflict
 * shows what is saved now). Typing new dates here is the keyboard's way of
 * doing what a drag on the calendar does.
 */
export function CampaignForm({
  campaign,
  defaultOwnerId,
  onDone,
}: {
  campaign?: EditableCampaign;
  defaultOwnerId: string;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate("campaigns", "kpis", "scorecard");
  const teams = useQuery(trpc.teams.list.queryOptions());
  const strategy = useStrategicObjectiveBands();
  const okr = useOkrChoices();
  const client = useTRPCClient();
  const today = new Date().toISOString().slice(0, 10);
  const defaults: TCampaignFormInput = campaign
    ? campaignFormValues(campaign)
    : {
        name: "",
        channel: "email",
        ownerId: defaultOwnerId,
        teamId: null,
        status: "planned",
        startsOn: today,
        endsOn: today,
        budget: "",
        currency: "EUR",
        utmSource: "",
        utmMedium: "",
        utmCampaign: "",
        landingUrl: "",
        objectiveId: null,
        keyResultId: null,
        strategicObjectiveId: null,
      };
  const form = useMutationForm({
    schema: ZCampaignFormSchema,
    defaultValues: defaults,
    mutation: {
      // One form, two procedures: a new campaign, or an edit against the version read.
      mutationFn: (values: ReturnType<typeof ZCampaignFormSchema.parse>): Promise<{ id: string }> =>
        campaign
          ? client.campaigns.update.mutate({ campaignId: campaign.id, version: campaign.version, ...values })
          : client.campaigns.create.mutate(values),
    },
    invalidate,
    onSuccess: (saved) => {
      if (onDone) onDone();
      else router.push(`/campaigns/${saved.id}`);
    },
  });
  const { register, errors, control } = form;
  const nullable = { setValueAs: (v: string) => (v === "" ? null : v) };

  return (
    <form onSubmit={form.onSubmit} className="space-y-5" noValidate>
      {form.conflict && <Alert tone="warning">{form.conflict.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" error={errors.name?.message} {...register("name")} className="sm:col-span-2" />
        <Field label="Channel" error={errors.channel?.message}>
          {(id) => (
            <Select id={id} options={labelled(CAMPAIGN_CHANNELS, CAMPAIGN_CHANNEL_LABELS)} {...register("channel")} />
          )}
        </Field>
        <Field label="Status" error={errors.status?.message}>
          {(id) => (
            <Select id={id} options={labelled(CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS)} {...register("status")} />
          )}
        </Field>
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <Controller
              control={control}
              name="ownerId"
              render={({ field }) => (
                <PersonPicker
                  id={id}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                />
              )}
            />
          )}
        </Field>
        <Field label="Team" error={errors.teamId?.message} hint="Members manage the campaigns of their teams.">
          {(id) => (
            <Select id={id} {...register("teamId", nullable)}>
              <option value="">No team</option>
              {teams.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <TextField label="Starts on" type="date" error={errors.startsOn?.message} {...register("startsOn")} />
        <TextField label="Ends on" type="date" error={errors.endsOn?.message} {...register("endsOn")} />
        <TextField
          label="Budget"
          inputMode="decimal"
          placeholder="2500.00"
          hint="Leave blank for no budget."
          error={errors.budget?.message}
          {...register("budget")}
        />
        <Field label="Currency" error={errors.currency?.message}>
          {(id) => (
            <Select id={id} options={CURRENCIES.map((c) => ({ value: c, label: c }))} {...register("currency")} />
          )}
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Tracking (UTM, stored lower-case)</legend>
        <TextField
          label="UTM source"
          placeholder="newsletter"
          error={errors.utmSource?.message}
          {...register("utmSource")}
        />
        <TextField
          label="UTM medium"
          placeholder="email"
          error={errors.utmMedium?.message}
          {...register("utmMedium")}
        />
        <TextField
          label="UTM campaign"
          placeholder="spring-launch"
          error={errors.utmCampaign?.message}
          {...register("utmCampaign")}
        />
        <TextField
          label="Landing URL"
          type="url"
          placeholder="https://example.com/spring"
          error={errors.landingUrl?.message}
          className="sm:col-span-3"
          {...register("landingUrl")}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Serves</legend>
        {/* Mounted once the choices are known, so each select shows the saved choice. */}
        <Field label="Objective" error={errors.objectiveId?.message}>
          {(id) =>
            okr.loaded ? (
              <Select id={id} {...register("objectiveId", nullable)}>
                <NamedOptions items={okr.objectives} current={campaign?.objective} />
              </Select>
            ) : (
              <Loading id={id} />
            )
          }
        </Field>
        <Field label="Key result" error={errors.keyResultId?.message}>
          {(id) =>
            okr.loaded ? (
              <Select id={id} {...register("keyResultId", nullable)}>
                <KeyResultOptions objectives={okr.objectives} current={campaign?.keyResult} />
              </Select>
            ) : (
              <Loading id={id} />
            )
          }
        </Field>
        <Field label="Strategic objective" error={errors.strategicObjectiveId?.message}>
          {(id) =>
            strategy.loaded ? (
              <Select id={id} {...register("strategicObjectiveId", nullable)}>
                <StrategicObjectiveOptions bands={strategy.bands} />
              </Select>
            ) : (
              <Loading id={id} />
            )
          }
        </Field>
      </fieldset>
      <FormActions
        submitLabel={campaign ? "Save campaign" : "Create campaign"}
        pending={form.pending}
        error={form.error}
        {...(onDone && { onCancel: onDone })}
      />
    </form>
  );
}

function Loading({ id }: { id: string }) {
  return (
    <Select id={id} disabled>
      <option>Loading…</option>
    </Select>
  );
}
