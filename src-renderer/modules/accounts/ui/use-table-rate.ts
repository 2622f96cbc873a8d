import { skipToken } from '@reduxjs/toolkit/query/react';
import { useEffect } from 'react';
import { useRateForQuery } from './api';

/**
 * Prefills a form's rate from the company's rate table when the currency or date changes and
 * the clerk has not typed a rate of their own ("" or "1").
 */
export function useTableRate(
  currency: string,
  base: string,
  date: string,
  rate: string,
  setRate: (rate: string) => void,
): string | null {
  const foreign = !!currency && !!base && currency !== base && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const { currentData } = useRateForQuery(foreign ? { currency, date } : skipToken);
  const tableRate = foreign ? (currentData?.rate ?? null) : null;
  useEffect(() => {
    if (tableRate && (rate.trim() === '' || rate.trim() === '1')) setRate(tableRate);
  }, [tableRate, rate, setRate]);
  return tableRate;
}
