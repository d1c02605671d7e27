import { renderInTestApp } from '@backstage/frontend-test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AwsOptionalStep } from './AwsOptionalStep';
import { missingActions } from './missingActions';

// The scaffolder backend is not part of this unit test: listActions is
// what its GET /v2/actions answers. The portal without the GitHub module is
// the templates' browser test (packages/app/e2e-tests).
function scaffolderWith(...ids: string[]) {
  return {
    listActions: jest.fn(async () =>
      ids.map(id => ({ id, schema: {} as any })),
    ),
  };
}

async function renderStep(api: object, formData?: boolean) {
  const onChange = jest.fn();
  await renderInTestApp(
    <AwsOptionalStep
      {...({} as any)}
      name="publish"
      idSchema={{ $id: 'root_publish' }}
      schema={{
        title: 'Publish the repository',
        type: 'boolean',
        description: 'Creates the GitHub repository',
      }}
      formData={formData}
      onChange={onChange}
      uiSchema={{
        'ui:options': { actions: ['publish:github', 'catalog:register'] },
      }}
    />,
    { apis: [[scaffolderApiRef, api]] },
  );
  return onChange;
}

describe('AwsOptionalStep', () => {
  it('is offered where the scaffolder has every action of the step', async () => {
    const onChange = await renderStep(
      scaffolderWith('fetch:template', 'publish:github', 'catalog:register'),
    );
    const box = screen.getByLabelText('Publish the repository');
    await waitFor(() => expect(box).toBeEnabled());
    expect(screen.getByText('Creates the GitHub repository')).toBeVisible();
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it('stays off and names what is missing elsewhere, also when asked for', async () => {
    const onChange = await renderStep(
      scaffolderWith('fetch:template', 'catalog:register'),
      true,
    );
    expect(
      await screen.findByText(
        /^Not offered here: this Backstage has no publish:github action/,
      ),
    ).toBeVisible();
    const box = screen.getByLabelText('Publish the repository');
    expect(box).toBeDisabled();
    expect(box).not.toBeChecked();
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(false));
  });
});

describe('missingActions', () => {
  it('lists the needed actions the backend lacks, in order', () => {
    expect(missingActions(['a', 'b', 'c'], [{ id: 'b' }, { id: 'z' }])).toEqual(
      ['a', 'c'],
    );
    expect(missingActions(undefined, [])).toEqual([]);
  });
});
