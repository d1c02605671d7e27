import { providerIdentity } from './providerIdentity';

describe('providerIdentity', () => {
  it('gives each organization id its own provider name, location key and task', () => {
    expect(providerIdentity('prod')).toEqual({
      id: 'prod',
      providerName: 'AwsPlatformEntityProvider:prod',
      locationKey: 'aws-platform:organization:prod',
      taskId: 'AwsPlatformEntityProvider:prod:refresh',
    });
  });

  it('keeps the names of 0.1 for the default id, so an upgraded catalog keeps its entities', () => {
    expect(providerIdentity('default')).toEqual({
      id: 'default',
      providerName: 'AwsPlatformEntityProvider',
      locationKey: 'aws-platform:organization',
      taskId: 'AwsPlatformEntityProvider:refresh',
    });
  });
});
