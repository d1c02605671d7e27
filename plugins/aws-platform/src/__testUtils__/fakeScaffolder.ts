/**
 * A scaffolder API for component tests: `scaffold` starts `task-1`, whose
 * event stream ends with the `completion` event given (or never ends when
 * none is), as the scaffolder's stream of a finished task does.
 */
export function fakeScaffolder(
  completion?: { output?: unknown; error?: unknown },
  task: { status?: string; templateTitle?: string } = {},
) {
  return {
    scaffold: jest.fn(async () => ({ taskId: 'task-1' })),
    getTemplateParameterSchema: jest.fn(async () => ({
      title: 'New delegated subdomain',
      steps: [
        {
          title: 'Existing delegation',
          schema: {
            properties: {
              repairDelegation: { title: 'Repair a drifted delegation' },
            },
          },
        },
      ],
    })),
    getTask: jest.fn(async () => ({
      id: 'task-1',
      spec: {
        steps: [],
        templateInfo: task.templateTitle
          ? { entity: { metadata: { name: 'x', title: task.templateTitle } } }
          : undefined,
      } as any,
      status: (task.status ?? 'processing') as any,
      createdAt: '',
    })),
    streamLogs: jest.fn((): any => ({
      subscribe(observer: { next(event: unknown): void }) {
        if (completion) {
          setTimeout(() =>
            observer.next({
              id: 1,
              taskId: 'task-1',
              type: 'completion',
              createdAt: '',
              body: { message: 'done', ...completion },
            }),
          );
        }
        return { unsubscribe() {}, closed: false };
      },
    })),
  };
}
