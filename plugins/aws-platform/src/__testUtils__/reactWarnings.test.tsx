import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { isComponentWarning } from './reactWarnings';

/** console.error's calls while `ui` renders, as React makes them. */
function errorsOf(ui: JSX.Element, after?: () => void): unknown[][] {
  const calls: unknown[][] = [];
  const spy = jest
    .spyOn(console, 'error')
    .mockImplementation((...args) => calls.push(args));
  try {
    render(ui);
    after?.();
  } finally {
    spy.mockRestore();
  }
  return calls;
}

function Unkeyed() {
  return (
    <ul>
      {['a', 'b'].map(item => (
        <li>{item}</li>
      ))}
    </ul>
  );
}

let becomeControlled: () => void = () => {};
function Switching() {
  const [value, setValue] = useState<string | undefined>(undefined);
  becomeControlled = () => setValue('now controlled');
  return <input value={value} onChange={() => {}} />;
}

describe('isComponentWarning', () => {
  it('knows React’s own warnings of a list without keys', () => {
    const calls = errorsOf(<Unkeyed />);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.some(isComponentWarning)).toBe(true);
  });

  it('knows an input turning from uncontrolled to controlled', () => {
    const calls = errorsOf(<Switching />, () => act(becomeControlled));
    expect(calls.some(isComponentWarning)).toBe(true);
  });

  it('leaves the libraries’ warnings alone', () => {
    expect(
      isComponentWarning([
        'Warning: findDOMNode is deprecated and will be removed in the next major release.',
      ]),
    ).toBe(false);
  });
});
