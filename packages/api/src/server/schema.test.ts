import "reflect-metadata";
import { expect, test } from "vitest";
import { liaisonSchema } from "./schema.js";

test("every operation declares who may call it (@Allow roles or @Public)", async () => {
  const schema = await liaisonSchema();
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const undeclared = roots.flatMap((root) =>
    Object.values(root?.getFields() ?? {})
      .filter((field) => typeof field.extensions["access"] !== "string")
      .map((field) => `${root!.name}.${field.name}`),
  );
  expect(undeclared).toEqual([]);
});

test("the contract's operation names exist", async () => {
  const schema = await liaisonSchema();
  const names = (t: ReturnType<typeof schema.getQueryType>) => Object.keys(t?.getFields() ?? {});
  expect(names(schema.getQueryType())).toEqual(
    expect.arrayContaining(["statusPage", "incident", "incidents", "organization"]),
  );
  expect(names(schema.getMutationType())).toEqual(
    expect.arrayContaining([
      "createUser",
      "createApiToken",
      "revokeApiToken",
      "updateOrganization",
      "createComponent",
      "updateComponent",
      "reportIncident",
      "assessImpact",
      "postStatusUpdate",
      "assignIncidentRole",
      "publishIncidentReport",
    ]),
  );
  expect(names(schema.getSubscriptionType())).toEqual(expect.arrayContaining(["statusPageChanged", "incidentUpdated"]));
});
