import { z } from "zod";
import {
  CAP_PERIOD,
  CSE_ACTIVITIES,
  CSE_ACTIVITY_DETAILS,
  CSE_CAPS,
  SERVICE_TIERS,
  SHARED_CONSULTATION_POOLS,
  checkProductRequirements,
  sharedPoolFor,
  summarizeEntitlements,
  totalDurationMinutes,
  type ActivityEntitlement,
  type ContractYear,
  type CseActivity,
  type Product,
  type ServiceTier,
  type SessionPart,
} from "@liaison/domain";
import { NotFoundError, parseInput } from "../../../platform/errors.js";
import { ACCOUNT_READERS, assertActsFor } from "../../accounts/index.js";
import { RefId, isId, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { contractYearOf, firstContractYear, ledgerWindow, loadLedger, tierOf, usedIn } from "../cse-ledger.js";

/** An activity as the usage policy describes it: shown to the customer before booking. */
export interface CseActivityView {
  activity: CseActivity;
  name: string;
  description: string;
  outcome: string;
  customerRequirements: string;
  timeCommitment: {
    text: string;
    totalMinutes: number;
    sessions: { part: SessionPart; durationMinutes: number }[];
  };
  productRequirements: {
    text: string;
    required: Product[];
    anyOf: Product[];
    recommended: Product[];
    optional: Product[];
  };
  caps: { tier: ServiceTier; cap: number | null }[];
}

interface ActivityEntitlementView extends ActivityEntitlement {
  /** Activities drawing on the same allowance (footnote 2). */
  sharedWith: CseActivity[];
  recommendedProductsMissing: Product[];
  details: CseActivityView;
}

export interface EntitlementSummaryView {
  accountId: string;
  at: Date;
  tier: ServiceTier;
  contractYear: ContractYear;
  activities: ActivityEntitlementView[];
  footnotes: string[];
}

function activityView(activity: CseActivity): CseActivityView {
  const d = CSE_ACTIVITY_DETAILS[activity];
  return {
    activity,
    name: d.name,
    description: d.description,
    outcome: d.outcome,
    customerRequirements: d.customerRequirements,
    timeCommitment: {
      text: d.timeCommitment.text,
      totalMinutes: totalDurationMinutes(activity),
      sessions: d.timeCommitment.sessions.map((s) => ({ part: s.part, durationMinutes: s.durationMinutes })),
    },
    productRequirements: {
      text: d.productRequirements.text,
      required: [...d.productRequirements.allOf],
      anyOf: [...d.productRequirements.anyOf],
      recommended: [...d.productRequirements.recommended],
      optional: [...d.productRequirements.optional],
    },
    caps: SERVICE_TIERS.map((tier) => ({ tier, cap: CSE_CAPS[activity][tier] })),
  };
}

/** The usage policy's activities, in its order. */
export function listCseActivities(): CseActivityView[] {
  return CSE_ACTIVITIES.map(activityView);
}

/** The policy's footnotes, verbatim. */
const POLICY_FOOTNOTES = [CAP_PERIOD.text, ...SHARED_CONSULTATION_POOLS.map((p) => p.text)];

const EntitlementsArgs = z.object({ accountId: RefId, at: z.date().nullish() });

/**
 * What the account may still book in the contract year holding `at` (default now), by the tier in force
 * then. Before the subscription starts, the first contract year is shown: the one the customer can book into.
 */
export async function getEntitlements(
  ctx: ServiceContext,
  rawAccountId: unknown,
  rawAt: unknown,
): Promise<EntitlementSummaryView> {
  const viewer = requireRole(ctx, ...ACCOUNT_READERS);
  const { accountId, at } = parseInput(EntitlementsArgs, { accountId: rawAccountId, at: rawAt }, "");
  assertActsFor(viewer, accountId);
  const when = at ?? ctx.clock.now();
  const ledger = isId(accountId) ? await loadLedger(ctx.db, accountId, ledgerWindow(when)) : null;
  if (!ledger) throw new NotFoundError("Account", accountId);
  const year = contractYearOf(ledger.account, when) ?? firstContractYear(ledger.account);
  // Before the subscription there are no bookings yet, and the year shown is the first one: fetch its use.
  const yearLedger =
    year.start.getTime() > when.getTime()
      ? ((await loadLedger(ctx.db, accountId, ledgerWindow(year.start))) ?? ledger)
      : ledger;
  const tier = tierOf(ledger, when);
  const { products } = ledger.account;
  const rows = summarizeEntitlements({ tier, products, usedThisYear: usedIn(yearLedger, year) });
  return {
    accountId,
    at: when,
    tier,
    contractYear: year,
    activities: rows.map((row) => {
      const check = checkProductRequirements(row.activity, products);
      return {
        ...row,
        sharedWith: sharedPoolFor(tier, row.activity)?.activities.filter((a) => a !== row.activity) ?? [],
        recommendedProductsMissing: check.met ? check.missingRecommended : [],
        details: activityView(row.activity),
      };
    }),
    footnotes: POLICY_FOOTNOTES,
  };
}
