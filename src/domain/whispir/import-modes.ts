/** Whispir's three import modes, explained in one plain sentence each (Part A §8). */
export const IMPORT_MODES = ['replace', 'duplicate', 'ignore'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_MODE_TEXT: Readonly<
  Record<ImportMode, { label: string; explanation: string; example: string }>
> = {
  replace: {
    label: 'Update existing contacts',
    explanation:
      'A row that matches a contact already in the workspace updates it; other rows become new contacts.',
    example:
      'Jo Lee (mobile 61412345678) is there; your row gives Jo a new email → Jo Lee now has the new email.',
  },
  duplicate: {
    label: 'Always add new contacts',
    explanation: 'Every row becomes a new contact, even if the same person is already there.',
    example: 'Jo Lee is there; your file has Jo Lee too → there are now two Jo Lees.',
  },
  ignore: {
    label: 'Skip existing contacts',
    explanation:
      'A row that matches a contact already in the workspace is left out; other rows become new contacts.',
    example: 'Jo Lee is there; your row gives Jo a new email → Jo Lee is left as it was.',
  },
};

/**
 * What "matches" means, said honestly: the sandbox's rule is the project's emulation (ADR 002);
 * Whispir does not document its own, so against Whispir the page says Whispir decides.
 */
export function matchRuleText(isSandbox: boolean): string {
  return isSandbox
    ? 'The local sandbox matches a row to a contact with the same first and last name and the same email or mobile. This is the sandbox’s rule: Whispir does not document its own.'
    : 'Whispir decides which contacts a row matches (it does not document its rule). The check below looks for contacts with the same first and last name and the same email or mobile.';
}
