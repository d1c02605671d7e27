import { EmptyState, InfoCard } from '@backstage/core-components';

/**
 * A card's body when its entity lacks the `spec` block the card reads (an
 * older ingestion, or a transformer that removed it).
 */
export function MissingSpec(props: { title: string; description: string }) {
  return (
    <InfoCard title={props.title}>
      <EmptyState
        missing="field"
        title={props.title}
        description={props.description}
      />
    </InfoCard>
  );
}
