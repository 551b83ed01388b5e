/**
 * A value a person gives for a Whispir field, in the form that field takes: a time zone from the
 * list of zones (the file's countries' zones first), a country from the list of countries, a
 * status letter; any other field takes text. Time zones and countries are searchable lists,
 * never free text: a value not in the list is reported, not sent.
 */
import { useId, useMemo } from 'react';
import { codedKindOf, codedValueFits, type CodedKind } from '../../domain/validation/coded-values';
import { COUNTRIES } from '../../domain/validation/countries';
import { zoneChoices, zonesOfCountries } from '../../domain/validation/timezone-proposals';
import { findContactField } from '../../domain/whispir/contact-fields';

export type ValueKind = CodedKind | 'text';

export function valueKindOf(field: string): ValueKind {
  return codedKindOf(field, findContactField(field)?.format) ?? 'text';
}

/** Why `value` cannot be used for a field of `kind` (the domain's rule); undefined when it can. */
export function valueProblem(kind: ValueKind, value: string): string | undefined {
  const text = value.trim();
  if (kind === 'text' || codedValueFits(kind, text)) return undefined;
  switch (kind) {
    case 'timezone':
      return `“${text}” is not a time zone Whispir takes: choose one from the list.`;
    case 'country':
      return `“${text}” is not a country Whispir recognises: choose one from the list.`;
    case 'status':
      return 'Choose A (active) or D (disabled).';
  }
}

let cachedZones: ReturnType<typeof zoneChoices> | undefined;
const allZones = () => (cachedZones ??= zoneChoices());

interface Props {
  readonly id: string;
  readonly field: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Countries the file names, so their zones come first. */
  readonly countries?: readonly string[];
  readonly describedBy?: string;
  readonly label?: string;
}

export function ValueInput({
  id,
  field,
  value,
  onChange,
  countries = [],
  describedBy,
  label,
}: Props) {
  const kind = valueKindOf(field);
  const listId = useId();
  const zones = useMemo(() => {
    if (kind !== 'timezone') return [];
    const first = new Set(zonesOfCountries(countries));
    const all = allZones();
    return [
      ...all.filter((zone) => first.has(zone.value)),
      ...all.filter((zone) => !first.has(zone.value)),
    ];
  }, [kind, countries]);
  const problem = valueProblem(kind, value);
  const errorId = `${id}-problem`;
  const describedByIds =
    [describedBy, problem ? errorId : undefined].filter(Boolean).join(' ') || undefined;

  if (kind === 'status')
    return (
      <select
        id={id}
        aria-label={label}
        value={value}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose…</option>
        <option value="A">A — active</option>
        <option value="D">D — disabled</option>
      </select>
    );
  return (
    <>
      <input
        id={id}
        type="text"
        aria-label={label}
        value={value}
        list={kind === 'text' ? undefined : listId}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedByIds}
        placeholder={
          kind === 'timezone'
            ? 'Type a city, country or zone'
            : kind === 'country'
              ? 'Type a country'
              : undefined
        }
        onChange={(event) => onChange(event.target.value)}
      />
      {kind === 'timezone' && (
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone.value} value={zone.value} label={zone.label} />
          ))}
        </datalist>
      )}
      {kind === 'country' && (
        <datalist id={listId}>
          {COUNTRIES.map((country) => (
            <option key={country.iso2} value={country.name} />
          ))}
        </datalist>
      )}
      {problem && (
        <span id={errorId} className="field-problem">
          {problem}
        </span>
      )}
    </>
  );
}
