import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AWS_ENTITY_TYPES,
  OwnershipFlag,
  OwnershipOrigin,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { useMemo } from 'react';
import { awsPlatformTranslationRef } from '../../translation';

type EntityType = (typeof AWS_ENTITY_TYPES)[keyof typeof AWS_ENTITY_TYPES];
const TYPES: readonly string[] = Object.values(AWS_ENTITY_TYPES);

/** The review's words for types, owner origins and flags. */
export interface OwnershipText {
  typeLabel(type: string): string;
  originLabel(origin: OwnershipOrigin): string;
  flagLabel(flag: OwnershipFlag): string;
  /** The flag's one-line reason, naming the owners involved. */
  reasonOf(flag: OwnershipFlag): string;
}

/** Translates the review's values once per language. */
export function useOwnershipText(): OwnershipText {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return useMemo(
    () => ({
      typeLabel: type =>
        TYPES.includes(type)
          ? t(`ownership.types.${type as EntityType}`)
          : type,
      originLabel: origin => t(`ownership.origins.${origin}`),
      flagLabel: flag => t(`ownership.flags.${flag.kind}`),
      reasonOf: flag => {
        const owner = flag.owner || '—';
        switch (flag.kind) {
          case 'owner-not-found':
            return t('ownership.reasons.owner-not-found', { owner });
          case 'account-not-tagged':
            return flag.source === 'role'
              ? t('ownership.reasons.account-not-tagged-role', { owner })
              : t('ownership.reasons.account-not-tagged-default', { owner });
          default:
            return t('ownership.reasons.owner-contradicts-account', {
              owner,
              accountOwner: flag.accountOwner ?? '—',
            });
        }
      },
    }),
    [t],
  );
}
