/** The demo organisation's sign-ins. Shown in the README and on the console; never created in production. */
export const DEMO_PASSWORD = 'Demo-Workbench-2026';

export const DEMO_USERS = {
  EMPLOYEE: { email: 'medarbejder@demo.rodovre.dk', name: 'Mette Medarbejder', unitCode: 'BORGERSERVICE' },
  LEADER: { email: 'leder@demo.rodovre.dk', name: 'Lars Leder', unitCode: 'BORGERSERVICE' },
  DIGITAL_UNIT: { email: 'digital@demo.rodovre.dk', name: 'Dorte Digital', unitCode: 'DIGITAL' },
} as const;
