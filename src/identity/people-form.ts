// Turning the add and edit forms of the people pages into the user DTOs' plain shape.

type Form = Record<string, unknown>;

/** The person fields of the add and edit forms, as the DTOs take them; blank ones become `blank`. */
export function accountFields(form: Form, blank: undefined | null): Record<string, unknown> {
  return {
    email: form.email,
    displayName: form.displayName,
    roles: [form.roles ?? []].flat(),
    managedTeams: String(form.managedTeams ?? '')
      .split(',')
      .map((team) => team.trim())
      .filter(Boolean),
    employeeNumber: form.employeeNumber || blank,
    team: form.team || blank,
    cohort: form.cohort || blank,
  };
}

/** A checkbox sends a value when ticked and nothing when not. */
export function ticked(value: unknown): boolean {
  return value !== undefined;
}
