import { z } from 'zod';

/**
 * Master-data documents that describe the company itself. They are the first documents
 * every office syncs, so the walking skeleton exercises the whole path with them.
 * These zod schemas are the single source of truth: forms, the repository and the
 * server's validate_doc_update all check the same rules.
 */

/** `branch` value of documents that belong to the whole company (they live in `master`). */
export const COMPANY_WIDE = '*';

export const ORG_CODE = /^[a-z][a-z0-9-]{1,29}$/;
export const BRANCH_CODE = /^[A-Z][A-Z0-9]{1,5}$/;
export const DEVICE_LETTER = /^[A-Z]$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;

export const orgCodeSchema = z
  .string()
  .regex(
    ORG_CODE,
    'Use 2–30 lowercase letters, digits or dashes, starting with a letter (e.g. "acme").',
  );
export const branchCodeSchema = z
  .string()
  .regex(BRANCH_CODE, 'Use 2–6 capital letters or digits, starting with a letter (e.g. "NYC").');
export const deviceLetterSchema = z
  .string()
  .regex(DEVICE_LETTER, 'Use one capital letter (A–Z) that no other device of this branch uses.');
export const currencyCodeSchema = z
  .string()
  .regex(CURRENCY_CODE, 'Use a three-letter ISO currency code (e.g. "USD").');

/** Fields every synced document carries (DESIGN §3). */
export const docBaseSchema = z.object({
  _id: z.string().min(3),
  _rev: z.string().optional(),
  type: z.string().min(1),
  v: z.number().int().positive(),
  branch: z.string().min(1),
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1),
  device: z.string().min(1),
  /** Set on mutable documents when they are edited; facts never have it. */
  updatedAt: z.iso.datetime().optional(),
  updatedBy: z.string().optional(),
  /** The device of that edit: versions made on different devices say so when they conflict. */
  updatedOn: z.string().optional(),
});
export type DocBase = z.infer<typeof docBaseSchema>;

export const companyFieldsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the company name.').max(120),
  orgCode: orgCodeSchema,
  baseCurrency: currencyCodeSchema,
  /** Month (1–12) on which the fiscal year starts. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
});
export const companySchema = docBaseSchema.extend({
  type: z.literal('company'),
  v: z.literal(1),
  branch: z.literal(COMPANY_WIDE),
  ...companyFieldsSchema.shape,
});
export type Company = z.infer<typeof companySchema>;
export type CompanyFields = z.infer<typeof companyFieldsSchema>;

export const branchFieldsSchema = z.object({
  code: branchCodeSchema,
  name: z.string().trim().min(1, 'Enter the branch name.').max(120),
  /** Currency the branch trades in; defaults to the company's base currency. */
  currency: currencyCodeSchema,
  archived: z.boolean().default(false),
});
export const branchSchema = docBaseSchema.extend({
  type: z.literal('branch'),
  v: z.literal(1),
  branch: z.literal(COMPANY_WIDE),
  ...branchFieldsSchema.shape,
});
export type Branch = z.infer<typeof branchSchema>;
export type BranchFields = z.input<typeof branchFieldsSchema>;

export const deviceFieldsSchema = z.object({
  /** The branch this device books into (its code). */
  branchCode: branchCodeSchema,
  letter: deviceLetterSchema,
  /** A label a person recognises, e.g. "Front desk PC". */
  label: z.string().trim().min(1, 'Give this device a name people recognise.').max(80),
});
export const deviceSchema = docBaseSchema.extend({
  type: z.literal('device'),
  v: z.literal(1),
  branch: z.literal(COMPANY_WIDE),
  ...deviceFieldsSchema.shape,
});
export type Device = z.infer<typeof deviceSchema>;
export type DeviceFields = z.infer<typeof deviceFieldsSchema>;

/** What the first-run "Create a company" form collects. */
export const createCompanyInputSchema = z.object({
  company: companyFieldsSchema,
  branch: branchFieldsSchema.omit({ archived: true }),
  device: z.object({ letter: deviceLetterSchema, label: deviceFieldsSchema.shape.label }),
  /** The person's name, recorded as `createdBy` until sign-in (issue 4) brings users. */
  userName: z.string().trim().min(1, 'Enter your name.').max(80),
});
export type CreateCompanyInput = z.infer<typeof createCompanyInputSchema>;
