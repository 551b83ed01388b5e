/** File intake: pure building blocks from bytes to a header and text rows. */
export * from './problems';
export * from './encoding';
export * from './format';
export * from './delimiter';
export * from './delimited';
export * from './header';
export * from './workbook';
export * from './zip-guard';
export * from './json-contacts';
export * from './xml-contacts';
export * from './read-table';
