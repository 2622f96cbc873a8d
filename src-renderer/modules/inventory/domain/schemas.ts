/** Inventory's document schemas, one source of truth (split by kind of document). */
export * from './item-schema';
export * from './master-schema';
export * from './move-schema';
