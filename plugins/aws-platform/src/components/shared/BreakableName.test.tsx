import { render } from '@testing-library/react';
import { BreakableName } from './BreakableName';

describe('BreakableName', () => {
  it('offers a line break after each dot and slash only, and keeps the text', () => {
    const { container } = render(
      <span>
        <BreakableName name="api.production.example.com" />
      </span>,
    );
    expect(container.textContent).toBe('api.production.example.com');
    expect(container.innerHTML).toBe(
      '<span>api.<wbr>production.<wbr>example.<wbr>com</span>',
    );
  });

  it('breaks an OU path between its units', () => {
    const { container } = render(<BreakableName name="Root/Business Units" />);
    expect(container.innerHTML).toBe('Root/<wbr>Business Units');
  });

  it('leaves a plain name alone', () => {
    const { container } = render(<BreakableName name="Production" />);
    expect(container.innerHTML).toBe('Production');
  });
});
