import Chip from '@material-ui/core/Chip';

/**
 * Chips for things that need attention (findings, ownership flags), as a
 * list so screen readers announce how many there are.
 */
export function WarningChips(props: { labels: string[]; ariaLabel?: string }) {
  return (
    <span role="list" aria-label={props.ariaLabel}>
      {props.labels.map(label => (
        <Chip
          key={label}
          role="listitem"
          size="small"
          variant="outlined"
          color="secondary"
          label={label}
          style={{ marginRight: 4, marginBottom: 2 }}
        />
      ))}
    </span>
  );
}
