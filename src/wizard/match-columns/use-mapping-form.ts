import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ColumnMapping, FieldSource } from '../../domain/mapping/mapping';
import {
  createMappingFormSchema,
  type MappingFormValue,
} from '../../domain/mapping/mapping-schema';
import { applySavedMapping, type SavedMapping } from '../../domain/mapping/saved-mappings';
import { CHANNEL_KEYS } from '../../domain/whispir/contact-fields';
import type { FileSummary } from '../../worker/protocol';
import { automaticMapping, openingMapping, rememberedMapping } from './column-samples';
import { hasValue } from './mapping-sections';
import { labelOf } from './mapping-text';
import {
  AUTOMATIC_PREFIX,
  loadSavedMappings,
  storeSavedMappings,
  upsertSavedMapping,
} from './saved-mappings-store';

interface Options {
  readonly file: FileSummary;
  readonly initialMapping: ColumnMapping | undefined;
  readonly initialCustomFields: readonly string[] | undefined;
  readonly onContinue: (mapping: ColumnMapping, customFields: readonly string[]) => void;
}

/**
 * The mapping being edited (react-hook-form, checked by the mapping schema on Continue), the
 * saved mappings it meets and the commands that change it:
 * - a remembered mapping that fits every column is applied on arrival (not on coming back), said
 *   so (`remembered`), and can be undone (`undoRemembered`; then `undone`, and the notice
 *   `noticeRef` is focused);
 * - a saved mapping can be applied (`applySaved`);
 * - Continue remembers the mapping for the next file with the same columns (`submit`).
 */
export function useMappingForm({ file, initialMapping, initialCustomFields, onContinue }: Options) {
  const schema = useMemo(() => createMappingFormSchema({ columns: file.headers }), [file.headers]);
  const [remembered, setRemembered] = useState(() =>
    initialMapping ? undefined : rememberedMapping(file)?.saved,
  );
  const [undone, setUndone] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // Worked out once: the form reads its default values only when it is made, and the opening
  // mapping (the columns' samples sniffed, the saved mappings met) cost ~2 ms on every render.
  const [defaultValues] = useState<MappingFormValue>(() => ({
    mapping: { ...openingMapping(file, initialMapping, initialCustomFields) },
    customFields: [
      ...new Set([...(initialCustomFields ?? []), ...(remembered?.customFields ?? [])]),
    ],
  }));
  const resolver = useMemo(() => zodResolver(schema), [schema]);
  const { handleSubmit, setValue, control, formState, getValues } = useForm<MappingFormValue>({
    defaultValues,
    resolver,
  });
  const mapping = useWatch({ control, name: 'mapping' });
  const customFields = useWatch({ control, name: 'customFields' });

  const setMapping = (next: ColumnMapping) =>
    setValue('mapping', { ...next }, { shouldValidate: formState.isSubmitted });
  const setSource = (key: string, source: FieldSource | undefined) => {
    const next = { ...mapping };
    if (source) next[key] = source;
    else delete next[key];
    setMapping(next);
  };
  /** Gives the field this column; returns what happened, in words. */
  const assign = (column: string, key: string): string => {
    const previous = mapping[key];
    setSource(key, { kind: 'column', column });
    const label = labelOf(key);
    return previous?.kind === 'column' && previous.column !== column
      ? `${label} now takes column “${column}” instead of “${previous.column}”.`
      : `${label} now takes column “${column}”.`;
  };
  const addCustomField = (name: string) => setValue('customFields', [...customFields, name]);

  const save = handleSubmit((values) => {
    const entry = {
      version: 1 as const,
      name: `${AUTOMATIC_PREFIX}${file.fileName}`,
      savedAt: new Date().toISOString(),
      headers: [...file.headers],
      mapping: values.mapping,
      customFields: values.customFields,
    };
    // Remembered in a task of its own, after the step has moved on: reading, merging and
    // writing the saved mappings (every header of a wide file) lengthened the click's task.
    setTimeout(() => storeSavedMappings(upsertSavedMapping(loadSavedMappings(), entry)), 0);
    onContinue(values.mapping, values.customFields);
  });
  // Whispir's import wants the Work mobile key even for an email-only list: with an email or
  // another mobile matched and nothing for Work mobile, it gets an empty column.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    const current = getValues('mapping');
    if (!current.workMobilePhone1 && CHANNEL_KEYS.some((key) => hasValue(current[key])))
      setValue('mapping', { ...current, workMobilePhone1: { kind: 'empty' } });
    return save(event);
  };

  /** What the saved-mappings bar saves under a name. */
  const current = () => ({
    headers: [...file.headers],
    mapping: getValues('mapping'),
    customFields: getValues('customFields'),
  });
  const applySaved = (saved: SavedMapping) => {
    setValue('customFields', [...new Set([...customFields, ...saved.customFields])]);
    setMapping(applySavedMapping(saved, file.headers));
    setRemembered(undefined);
    setUndone(false);
  };
  const undoRemembered = () => {
    setValue('customFields', [...(initialCustomFields ?? [])]);
    setMapping(automaticMapping(file, initialCustomFields));
    setRemembered(undefined);
    setUndone(true);
  };
  useEffect(() => {
    if (undone) noticeRef.current?.focus();
  }, [undone]);

  return {
    mapping,
    customFields,
    submitted: formState.isSubmitted,
    remembered,
    undone,
    noticeRef,
    setSource,
    assign,
    addCustomField,
    submit,
    current,
    applySaved,
    undoRemembered,
  };
}
