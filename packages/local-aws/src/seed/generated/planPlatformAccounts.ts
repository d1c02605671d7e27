import type { PlanContext } from './generateEstatePlan.ts';
import type { PlannedAccount, PlannedEvidence } from './estatePlanTypes.ts';
import { DELEGATED_SERVICES, NEUTRAL_WORDS, ROLE_WORDS } from './vocabulary.ts';

/** The guide's platform roles, in the order their evidence is rotated. */
const PLATFORM_ROLES = [
  'log-archive',
  'audit',
  'identity',
  'network',
  'backup',
  'operations',
] as const;

type PlatformRole = (typeof PLATFORM_ROLES)[number];

/**
 * The evidence each role can be seeded with on the emulator. Identity has
 * only its name: moto refuses `sso.amazonaws.com` as a delegated
 * administrator. Log Archive and Audit sit in a Security OU where the
 * company has one; Control Tower's landing zone is not emulated at all.
 */
function evidenceOptions(
  role: PlatformRole,
  hasSecurityOu: boolean,
): PlannedEvidence[] {
  const named: PlannedEvidence = hasSecurityOu ? 'ou' : 'name';
  switch (role) {
    case 'log-archive':
      return hasSecurityOu ? ['ou', 'name'] : ['name'];
    case 'audit':
      return ['delegated-admin', named];
    case 'identity':
      return ['name'];
    case 'network':
    case 'backup':
      return ['holdings', 'name'];
    default:
      return ['delegated-admin', 'holdings', 'name'];
  }
}

/**
 * The platform accounts, one per guide role, each recognisable only from
 * the evidence rotated to it: a role word in its name (in the platform OU
 * or, for `ou`, the Security OU), or a neutral name plus a delegated
 * administration or holdings. All owned by the platform group.
 */
export function planPlatformAccounts(context: PlanContext): {
  accounts: PlannedAccount[];
  delegations: { account: string; service: string }[];
} {
  const { layout, random } = context;
  const neutral = random.shuffle(NEUTRAL_WORDS);
  const accounts: PlannedAccount[] = [];
  const delegations: { account: string; service: string }[] = [];
  PLATFORM_ROLES.forEach((role, index) => {
    const options = evidenceOptions(role, layout.security !== undefined);
    const evidence = options[(context.seed + index) % options.length];
    const speaks = evidence === 'ou' || evidence === 'name';
    const name = context.name([
      speaks ? random.pick(ROLE_WORDS[role]) : neutral[index],
    ]);
    accounts.push({
      name,
      ouPath: evidence === 'ou' ? layout.security! : layout.platform,
      role,
      evidence,
      owner: context.platformGroup,
    });
    if (evidence === 'delegated-admin') {
      const services: readonly string[] =
        DELEGATED_SERVICES[role as keyof typeof DELEGATED_SERVICES];
      delegations.push({ account: name, service: random.pick(services) });
    }
  });
  return { accounts, delegations };
}
