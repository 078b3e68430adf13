import type { BusinessCalendar } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Organization } from "./organization.entity.js";
import { ORGANIZATION_ID } from "../../platform/validation.js";

export async function getOrganization(db: EntityManager): Promise<Organization> {
  return db.getRepository(Organization).findOneByOrFail({ id: ORGANIZATION_ID });
}

export function calendarOf(org: Organization): BusinessCalendar {
  return { timezone: org.timezone, holidays: org.holidays, holidayRegion: org.holidayRegion };
}
