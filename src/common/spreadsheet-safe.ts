// A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
export function spreadsheetSafe(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
