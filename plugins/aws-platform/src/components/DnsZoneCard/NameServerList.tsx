import Typography from '@material-ui/core/Typography';

/**
 * Name servers one a line, as code; a dash when there are none. Used for a
 * zone's own servers, the parent's NS record and the servers to add or
 * remove.
 */
export function NameServerList(props: { label: string; servers: string[] }) {
  if (props.servers.length === 0) return <>—</>;
  return (
    <ul aria-label={props.label} style={{ margin: 0, paddingLeft: 16 }}>
      {props.servers.map(server => (
        <li key={server}>
          <Typography variant="body2" component="code">
            {server}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
