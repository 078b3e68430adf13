import type { FeatureModule } from "../../platform/module.js";
import { EscalationPolicy, OncallSchedule, ScheduleLayer, ScheduleOverride } from "./oncall.entity.js";
import {
  EscalationPolicyResolver,
  ScheduleLayerResolver,
  ScheduleOverrideResolver,
  ScheduleResolver,
} from "./oncall.resolver.js";

export const onCallModule: FeatureModule = {
  name: "on-call",
  resolvers: [ScheduleResolver, ScheduleLayerResolver, ScheduleOverrideResolver, EscalationPolicyResolver],
  entities: [OncallSchedule, ScheduleLayer, ScheduleOverride, EscalationPolicy],
};
