/**
 * zod schemas for the mapping: the form value of the mapping step (react-hook-form's resolver
 * runs the same rules as `checkMappingRules`, so the form and the domain cannot disagree) and the
 * parts saved mappings reuse.
 */
import { z } from 'zod';
import { isContactFieldKey } from '../whispir/contact-fields';
import { customFieldName, isCustomFieldKey, parseCustomFieldName } from './custom-fields';
import { checkMappingRules, type MappingRuleOptions } from './mapping';

export const fieldSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1) }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);

/** A mapping key: a catalogue field or `custom_<Name>` (this also keeps out `__proto__`). */
export const mappingKeySchema = z
  .string()
  .refine((key) => isContactFieldKey(key) || isCustomFieldKey(key), {
    message: 'Not a Whispir contact field or custom field.',
  });

export const columnMappingSchema = z.record(mappingKeySchema, fieldSourceSchema);

/** A custom field name as stored: the shape `parseCustomFieldName` accepts, without `custom_`. */
export const customFieldNameSchema = z.string().superRefine((name, ctx) => {
  const parsed = parseCustomFieldName(name);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  else if (parsed.name !== name) {
    ctx.addIssue({ code: 'custom', message: 'Store the custom field name without "custom_".' });
  }
});

const mappingFormShape = z.object({
  mapping: columnMappingSchema,
  customFields: z.array(customFieldNameSchema),
});

export type MappingFormValue = z.infer<typeof mappingFormShape>;

/**
 * The mapping form's schema, checking the file's columns too when given: each problem of
 * `checkMappingRules` becomes an issue on `mapping.<field>` (or on `mapping` for the channel
 * rule), and a custom field in the mapping must be in `customFields`.
 */
export function createMappingFormSchema(options: MappingRuleOptions = {}) {
  return mappingFormShape.superRefine((value, ctx) => {
    for (const problem of checkMappingRules(value.mapping, options)) {
      ctx.addIssue({
        code: 'custom',
        path: problem.field === undefined ? ['mapping'] : ['mapping', problem.field],
        message: problem.message,
      });
    }
    const declared = new Set(value.customFields);
    for (const key of Object.keys(value.mapping)) {
      if (isCustomFieldKey(key) && !declared.has(customFieldName(key))) {
        ctx.addIssue({
          code: 'custom',
          path: ['mapping', key],
          message: `Add "${customFieldName(key)}" as a custom field before mapping a column to it.`,
        });
      }
    }
  });
}

/** The mapping form's schema without a file's columns (see `createMappingFormSchema`). */
export const mappingFormSchema = createMappingFormSchema();
