import { createContext, useContext } from 'react';

/**
 * The locale money, date and quantity inputs read and show numbers in when a page does not
 * pass one: undefined = the browser's. A provider lets a whole page follow one locale (a clerk's
 * preference later; a test that types "1.234,50" as a German clerk now).
 */
export const InputLocale = createContext<string | undefined>(undefined);

export function useInputLocale(locale: string | undefined): string | undefined {
  const fromContext = useContext(InputLocale);
  return locale ?? fromContext;
}
