import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  scaffolderApiRef,
  SecretsContextProvider,
} from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AwsChangesReview } from './AwsChangesReview';
import { PLANNING, REFUSED } from './planRun';
import { fakeScaffolder } from '../../__testUtils__/fakeScaffolder';

// The scaffolder backend is not part of this unit test: the field's run
// against it is the templates' browser test (packages/app/e2e-tests).
const TEMPLATE = 'template:default/aws-delegated-subdomain';
const groups = [
  {
    accountId: '171870262174',
    accountName: 'Sandbox',
    changes: ['Create public hosted zone a.example.com', 'Tag the zone'],
  },
  {
    accountId: '111122223333',
    accountName: 'Network',
    changes: ['Create NS record a.example.com'],
  },
];

function renderField(api: ReturnType<typeof fakeScaffolder>) {
  const onChange = jest.fn();
  renderInTestApp(
    <SecretsContextProvider>
      <AwsChangesReview
        {...({} as any)}
        name="awsChanges"
        onChange={onChange}
        formContext={{
          formData: { subdomain: 'a', account: 'x', awsChanges: 'old' },
        }}
        uiSchema={{ 'ui:options': { templateRef: TEMPLATE } }}
      />
    </SecretsContextProvider>,
    { apis: [[scaffolderApiRef, api]] },
  );
  return onChange;
}

describe('AwsChangesReview', () => {
  it('runs the template plan-only with the form so far, then lists the changes by account', async () => {
    const api = fakeScaffolder({ output: { awsChanges: groups } });
    const onChange = renderField(api);

    expect(await screen.findByText('Sandbox (171870262174)')).toBeVisible();
    expect(screen.getByText('Network (111122223333)')).toBeVisible();
    expect(screen.getByText('3 changes in 2 accounts')).toBeVisible();
    expect(api.scaffold).toHaveBeenCalledTimes(1);
    expect(api.scaffold).toHaveBeenCalledWith({
      templateRef: TEMPLATE,
      values: { subdomain: 'a', account: 'x', awsPlanOnly: true },
      secrets: {},
    });
    await waitFor(() =>
      expect(onChange.mock.calls.map(([value]) => value)).toEqual([
        PLANNING,
        '3 changes in 2 accounts',
      ]),
    );
  });

  it('says when there is nothing to change', async () => {
    const onChange = renderField(
      fakeScaffolder({ output: { awsChanges: [] } }),
    );
    expect(await screen.findByText(/^Nothing to change/)).toBeVisible();
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(
        expect.stringMatching(/^Nothing to change/),
      ),
    );
  });

  it('shows why a plan was refused and plans again on request', async () => {
    const api = fakeScaffolder({
      error: {
        name: 'ConflictError',
        message:
          'Nothing was changed: the zone a.example.com is not ours; repairDelegation cannot help',
      },
    });
    const onChange = renderField(api);

    expect(
      await screen.findByText(/The changes were refused, nothing was changed/),
    ).toBeVisible();
    // The message names the form's field, not the action's input.
    expect(
      await screen.findByText(
        /the zone a.example.com is not ours; “Repair a drifted delegation” cannot help/,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(REFUSED));

    fireEvent.click(screen.getByRole('button', { name: 'Plan again' }));
    await waitFor(() => expect(api.scaffold).toHaveBeenCalledTimes(2));
  });

  it('says why the plan could not start and starts it again on request', async () => {
    const api = fakeScaffolder({ output: { awsChanges: [] } });
    api.scaffold.mockRejectedValueOnce(
      new Error('You are not allowed to run this template'),
    );
    const onChange = renderField(api);

    expect(
      await screen.findByText('You are not allowed to run this template'),
    ).toBeInTheDocument();
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(REFUSED));

    fireEvent.click(screen.getByRole('button', { name: 'Plan again' }));
    expect(await screen.findByText(/^Nothing to change/)).toBeVisible();
    expect(api.scaffold).toHaveBeenCalledTimes(2);
  });
});
