import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import type { LiveSectionGap } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ReactNode } from 'react';
import { liveErrorKind, utcTime } from '../../api';
import { awsPlatformTranslationRef } from '../../translation';
import { AsyncState } from './AsyncState';
import { SectionTitle } from './Fields';

/*
 * The parts every card's live section shares: the section with its title
 * and loading/error/empty states, sub-headings, notes for a list that could
 * not be read, and the "read at … / refresh" line.
 */

/**
 * A card's live section: its title, then progress, the error said in the
 * user's terms ({@link liveErrorKind}), the empty state, or `children`.
 */
export function LiveSection(props: {
  id: string;
  title: string;
  loading: boolean;
  error?: Error;
  empty: boolean;
  emptyTitle: string;
  emptyDescription: string;
  children: () => ReactNode;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  const { error } = props;
  return (
    <section aria-labelledby={props.id}>
      <SectionTitle id={props.id}>{props.title}</SectionTitle>
      <AsyncState
        loading={props.loading}
        error={error}
        errorTitle={error && t(`live.errors.${liveErrorKind(error)}`)}
        empty={props.empty}
        emptyTitle={props.emptyTitle}
        emptyDescription={props.emptyDescription}
      >
        {props.children}
      </AsyncState>
    </section>
  );
}

/** A heading above one list of a live section. */
export function LiveSubTitle(props: { id: string; children: ReactNode }) {
  return (
    <Typography
      id={props.id}
      variant="subtitle2"
      component="h4"
      style={{ marginTop: 16 }}
    >
      {props.children}
    </Typography>
  );
}

/** A quiet line in place of a list: it is empty, or could not be read. */
export function LiveNote(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

/** Why a list of a live answer is missing, naming the AWS action it needs. */
export function LiveGapNote(props: {
  gap: LiveSectionGap | undefined;
  action: string;
}) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return (
    <LiveNote>
      {t(`live.gaps.${props.gap ?? 'unavailable'}`, { action: props.action })}
    </LiveNote>
  );
}

/** When the live answer was read, and a button to read it again. */
export function LiveReadAt(props: { readAt: string; onRefresh: () => void }) {
  const { t } = useTranslationRef(awsPlatformTranslationRef);
  return (
    <Typography
      variant="caption"
      component="p"
      color="textSecondary"
      style={{ marginTop: 8 }}
    >
      {t('live.readAt', { time: utcTime(props.readAt) })}{' '}
      <Button size="small" onClick={props.onRefresh}>
        {t('live.refresh')}
      </Button>
    </Typography>
  );
}
