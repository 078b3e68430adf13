export {
  COMPONENT_STATUSES,
  type ComponentStatus,
  STATUS_INDICATORS,
  type StatusIndicator,
} from "./status-vocabulary.js";
export { compareComponentStatus, worstComponentStatus } from "./worst-component-status.js";
export { toStatuspageValue } from "./to-statuspage-value.js";
export { publicImpact, type PublicImpactInput } from "./public-impact.js";
export { aggregateStatus, type PageStatus, type PageStatusInput } from "./aggregate-status.js";
export { dailyUptime, PARTIAL_OUTAGE_WEIGHT, type DailyUptimeInput, type UptimeDay } from "./daily-uptime.js";
