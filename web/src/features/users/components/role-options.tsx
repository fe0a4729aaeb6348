import { Role } from '@contracts/auth.js';
import type { UnitList } from '@contracts/users.js';
import { useTranslation } from 'react-i18next';

export function RoleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {Role.options.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </>
  );
}

export function UnitOptions({ units }: { units: UnitList['units'] }) {
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <>
      {sorted.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name} ({unit.code})
        </option>
      ))}
    </>
  );
}
