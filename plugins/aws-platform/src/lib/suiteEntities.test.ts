import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  platformTeam,
  productionAccount,
  sandboxAccount,
} from '../__fixtures__/entities';
import { lookAlike } from './__testUtils__/lookAlike';
import { getSuiteEntities } from './suiteEntities';

describe('getSuiteEntities', () => {
  const accounts = { kind: 'Resource', 'spec.type': 'aws-account' };

  it('returns the suite’s entities and drops look-alikes registered by hand', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        productionAccount,
        sandboxAccount,
        platformTeam,
        lookAlike(productionAccount, 'Production (copy)'),
      ],
    });
    const found = await getSuiteEntities(catalogApi, { filter: accounts });
    expect(found.map(e => e.metadata.title).sort()).toEqual([
      'Production',
      'Sandbox',
    ]);
  });

  it('asks for the fields the check reads along with the caller’s', async () => {
    const catalogApi = catalogApiMock({ entities: [productionAccount] });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    const found = await getSuiteEntities(catalogApi, {
      filter: accounts,
      fields: ['metadata.name', 'kind'],
    });
    expect(getEntities).toHaveBeenCalledWith({
      filter: accounts,
      fields: ['metadata.name', 'kind', 'spec.type', 'metadata.annotations'],
    });
    expect(found).toHaveLength(1);
  });
});
