import { Field, ID } from "type-graphql";
import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

// One decorator per column kind that is also a GraphQL field: the two declarations cannot drift.
type PropertyDecorator = (target: object, key: string | symbol) => void;
const both =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

/** A uuid primary key, exposed as the GraphQL `id`. */
export const IdColumn = (): PropertyDecorator =>
  both(
    Field(() => ID),
    PrimaryGeneratedColumn("uuid"),
  );

/** A `timestamptz` column exposed as a DateTime field. */
export function TimestampColumn(name: string, options: { nullable?: boolean; description?: string } = {}) {
  const nullable = options.nullable ?? false;
  return both(
    Field(() => Date, { nullable, ...(options.description ? { description: options.description } : {}) }),
    Column("timestamptz", { name, nullable }),
  );
}

/** A `text` column exposed as a String field. */
export function TextColumn(options: { name?: string; nullable?: boolean; description?: string } = {}) {
  const nullable = options.nullable ?? false;
  return both(
    Field(() => String, { nullable, ...(options.description ? { description: options.description } : {}) }),
    Column("text", { nullable, ...(options.name ? { name: options.name } : {}) }),
  );
}

export const CreatedAtColumn = (): PropertyDecorator =>
  both(
    Field(() => Date),
    CreateDateColumn({ name: "created_at", type: "timestamptz" }),
  );

export const UpdatedAtColumn = (): PropertyDecorator =>
  both(
    Field(() => Date),
    UpdateDateColumn({ name: "updated_at", type: "timestamptz" }),
  );
