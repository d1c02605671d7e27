import { Fragment } from 'react';

/**
 * A dotted or slashed name (`production.example.com`, `Root/Workloads/Prod`)
 * that may wrap only after its dots and slashes: a narrow table column then
 * breaks it between labels, never letter by letter. `<wbr>` adds nothing to
 * the text, so copying and screen readers get the name unchanged.
 */
export function BreakableName(props: { name: string }) {
  const parts = props.name.split(/(?<=[./])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}
