import { z } from 'zod';
import { checkMappingRules, type ColumnMapping } from '../../domain/mapping/mapping';
import { findContactField } from '../../domain/whispir/contact-fields';

const fieldSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string() }),
  z.object({ kind: z.literal('constant'), value: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);

/** Everything that stops the mapping from going on, as plain sentences. */
export function mappingFormProblems(mapping: ColumnMapping): string[] {
  const messages = checkMappingRules(mapping).map((problem) => problem.message);
  for (const [key, source] of Object.entries(mapping)) {
    if (source.kind === 'constant' && source.value.trim() === '') {
      const label = findContactField(key)?.label ?? key;
      messages.push(`Type the value every row should get for ${label}.`);
    }
  }
  return messages;
}

export const mappingFormSchema = z
  .object({ mapping: z.record(z.string(), fieldSourceSchema) })
  .superRefine((value, context) => {
    for (const message of mappingFormProblems(value.mapping)) {
      context.addIssue({ code: 'custom', path: ['mapping'], message });
    }
  });

export type MappingFormValues = z.infer<typeof mappingFormSchema>;
