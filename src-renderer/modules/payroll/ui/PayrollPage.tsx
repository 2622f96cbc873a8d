import { ComingLater } from '../../../ui/ComingLater';

export function PayrollPage() {
  return (
    <ComingLater
      title="Payroll"
      intro="Employees, pay runs and payslips, kept in a database only payroll staff can open."
      planned={[
        'Employees and pay components',
        'Pay runs with approval',
        'Printable and PDF payslips',
      ]}
    />
  );
}
