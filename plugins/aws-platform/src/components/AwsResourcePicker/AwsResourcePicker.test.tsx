import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AwsResourcePicker } from './AwsResourcePicker';

const SUITE = { 'aws-platform-suite.github.io/suite-entity': 'true' };
const SANDBOX = 'resource:default/account-171870262174';
const PRODUCTION = 'resource:default/account-715451680876';

function cluster(name: string, accountRef: string): Entity {
  const accountId = accountRef.split('-').pop()!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${name}-${accountId}`,
      namespace: 'default',
      title: name,
      labels: SUITE,
      annotations: {
        'amazonaws.com/account-id': accountId,
        'aws-platform-suite.github.io/region': 'us-east-1',
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
    relations: [{ type: 'partOf', targetRef: accountRef }],
  };
}

const catalog = catalogApiMock({
  entities: [
    cluster('acme-sandbox-v1', SANDBOX),
    cluster('acme-production-v1', PRODUCTION),
  ],
});

/** The staging cluster field, with the form's account and own value. */
function renderPicker(account: string | undefined, value?: string) {
  const onChange = jest.fn();
  const element = (
    <AwsResourcePicker
      {...({} as any)}
      name="stagingCluster"
      idSchema={{ $id: 'root_stagingCluster' }}
      schema={{ title: 'Staging cluster', type: 'string' }}
      formData={value}
      onChange={onChange}
      formContext={{ formData: { stagingAccount: account } }}
      uiSchema={{
        'ui:options': {
          type: 'kubernetes-cluster',
          accountField: 'stagingAccount',
        },
      }}
    />
  );
  return { onChange, element };
}

describe('AwsResourcePicker', () => {
  it('waits for the account, saying so', async () => {
    const { element } = renderPicker(undefined);
    await renderInTestApp(element, { apis: [[catalogApiRef, catalog]] });
    expect(
      screen.getByText('Choose the account first: this lists its resources.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Staging cluster')).toBeDisabled();
  });

  it('offers the chosen account’s clusters as "Name (Region)" and picks one', async () => {
    const { element, onChange } = renderPicker(SANDBOX);
    await renderInTestApp(element, { apis: [[catalogApiRef, catalog]] });
    const input = screen.getByLabelText('Staging cluster');
    fireEvent.mouseDown(input);
    const option = await screen.findByRole('option', {
      name: 'acme-sandbox-v1 (us-east-1)',
    });
    expect(screen.getAllByRole('option')).toHaveLength(1);
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith(
      'resource:default/acme-sandbox-v1-171870262174',
    );
  });

  it('keeps a choice the account holds, and drops one it does not', async () => {
    const kept = renderPicker(
      SANDBOX,
      'resource:default/acme-sandbox-v1-171870262174',
    );
    await renderInTestApp(kept.element, { apis: [[catalogApiRef, catalog]] });
    await waitFor(() =>
      expect(screen.getByLabelText('Staging cluster')).toHaveValue(
        'acme-sandbox-v1 (us-east-1)',
      ),
    );
    expect(kept.onChange).not.toHaveBeenCalled();
  });

  it('drops the choice when another account is chosen', async () => {
    // The production cluster stays from before the account changed.
    const { element, onChange } = renderPicker(
      SANDBOX,
      'resource:default/acme-production-v1-715451680876',
    );
    await renderInTestApp(element, { apis: [[catalogApiRef, catalog]] });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(undefined));
  });
});
