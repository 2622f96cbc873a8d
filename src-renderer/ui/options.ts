/** Choices the forms offer. Currencies are ISO 4217 codes a trading company meets most. */
export const CURRENCIES = [
  'USD', 'EUR', 'GBP', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'JPY', 'CNY', 'INR', 'AED', 'SAR', 'ZAR',
  'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'MXN', 'BRL', 'KWD', 'BHD', 'PHP', 'MYR', 'THB', 'IDR',
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
].map((label, i) => ({ value: String(i + 1), label }));
