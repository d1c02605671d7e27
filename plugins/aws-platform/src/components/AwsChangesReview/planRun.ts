/**
 * The pure part of the templates' Review step: which template to run
 * plan-only, what the run's output says, and what the field's value is at
 * each point (the value is what the form's Next validates and what
 * Backstage's own review lists).
 */

/** The changes of one account, as the suite's actions output them. */
export type AccountChanges = {
  accountId: string;
  accountName: string;
  changes: string[];
};

/** The field's value while the plan-only run is under way. */
export const PLANNING = 'Planning';
/** The field's value when the plan was refused or failed. */
export const REFUSED = 'Refused';

/**
 * The template to run: `ui:options.templateRef` when the template names
 * itself, else the scaffolder page's own `:namespace/:templateName`.
 */
export function templateRefOf(
  params: { namespace?: string; templateName?: string },
  configured?: string,
): string | undefined {
  if (configured) return configured;
  const { namespace, templateName } = params;
  return namespace && templateName
    ? `template:${namespace}/${templateName}`
    : undefined;
}

/**
 * The form's values for the plan-only run: everything entered so far, this
 * field's own value left out, and `awsPlanOnly` set, which the templates
 * pass to their actions as `planOnly` and use to skip every other step.
 */
export function planRunValues(
  formData: Record<string, unknown> | undefined,
  fieldName: string,
): Record<string, any> {
  const { [fieldName]: _own, ...values } = formData ?? {};
  return { ...values, awsPlanOnly: true };
}

/**
 * The changes in the run's output (`output.awsChanges`, which the
 * templates fill from the action's `changesByAccount`), or undefined when
 * the output does not hold them in that shape.
 */
export function changesOfOutput(output: unknown): AccountChanges[] | undefined {
  const changes = (output as { awsChanges?: unknown } | undefined)?.awsChanges;
  if (!Array.isArray(changes)) return undefined;
  const valid = changes.every(
    group =>
      typeof group?.accountId === 'string' &&
      typeof group?.accountName === 'string' &&
      Array.isArray(group?.changes) &&
      group.changes.every((c: unknown) => typeof c === 'string'),
  );
  return valid ? (changes as AccountChanges[]) : undefined;
}

/** How many changes, and in how many accounts. */
export function countChanges(groups: AccountChanges[]): {
  count: number;
  accounts: number;
} {
  return {
    count: groups.reduce((sum, group) => sum + group.changes.length, 0),
    accounts: groups.length,
  };
}

/** Why Next is refused, or undefined when the plan is ready. */
export function reviewProblem(
  value: string | undefined,
): 'waitForPlan' | 'fixRefused' | undefined {
  if (!value || value === PLANNING) return 'waitForPlan';
  if (value === REFUSED) return 'fixRefused';
  return undefined;
}

/**
 * The form's field titles by property name, from the template's parameter
 * pages (nested `dependencies` included), for the camelCase names only:
 * those are what the actions' messages quote, and cannot be a plain word.
 */
export function fieldTitles(steps: { schema: unknown }[]): Map<string, string> {
  const titles = new Map<string, string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, unknown> })
      .properties;
    for (const [name, field] of Object.entries(properties ?? {})) {
      const title = (field as { title?: unknown })?.title;
      if (/[a-z][A-Z]/.test(name) && typeof title === 'string') {
        titles.set(name, title);
      }
    }
    Object.values(node).forEach(visit);
  };
  steps.forEach(step => visit(step.schema));
  return titles;
}

/**
 * An action's message in the form's words: "deleteAfterDays (100) must be
 * at least coldStorageAfterDays + 90" reads "“Delete after (days)” (100)
 * must be at least “Move to cold storage after (days)” + 90".
 */
export function inFormWords(
  message: string,
  titles: Map<string, string>,
): string {
  let result = message;
  for (const [name, title] of titles) {
    result = result.replace(new RegExp(`\\b${name}\\b`, 'g'), `“${title}”`);
  }
  return result;
}
