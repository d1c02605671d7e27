import {
  changesOfOutput,
  countChanges,
  fieldTitles,
  inFormWords,
  planRunValues,
  PLANNING,
  REFUSED,
  reviewProblem,
  templateRefOf,
} from './planRun';

describe('templateRefOf', () => {
  it("takes the page's template unless the field names one", () => {
    expect(templateRefOf({ namespace: 'default', templateName: 'x' })).toBe(
      'template:default/x',
    );
    expect(
      templateRefOf(
        { namespace: 'default', templateName: 'x' },
        'template:a/b',
      ),
    ).toBe('template:a/b');
    expect(templateRefOf({})).toBeUndefined();
  });
});

describe('planRunValues', () => {
  it("drops the field's own value and asks for a plan only", () => {
    expect(planRunValues({ a: 1, awsChanges: 'x' }, 'awsChanges')).toEqual({
      a: 1,
      awsPlanOnly: true,
    });
  });
});

describe('changesOfOutput', () => {
  const group = { accountId: '1', accountName: 'A', changes: ['Create x'] };

  it('reads the changes the templates put in the output', () => {
    expect(changesOfOutput({ awsChanges: [group] })).toEqual([group]);
    expect(countChanges([group, group])).toEqual({ count: 2, accounts: 2 });
  });

  it.each([
    [undefined],
    [{}],
    [{ awsChanges: 'Create x' }],
    [{ awsChanges: [{ ...group, changes: [3] }] }],
    [{ awsChanges: [{ accountId: '1', changes: [] }] }],
  ])('refuses an output of another shape: %j', output => {
    expect(changesOfOutput(output)).toBeUndefined();
  });
});

describe('reviewProblem', () => {
  it('refuses Next until a plan is ready', () => {
    expect(reviewProblem(undefined)).toBe('waitForPlan');
    expect(reviewProblem(PLANNING)).toBe('waitForPlan');
    expect(reviewProblem(REFUSED)).toBe('fixRefused');
    expect(reviewProblem('3 changes in 2 accounts')).toBeUndefined();
  });
});

describe('inFormWords', () => {
  const titles = fieldTitles([
    {
      schema: {
        properties: {
          planName: { title: 'Plan name' },
          region: { title: 'Region' },
          deleteAfterDays: { title: 'Delete after (days)' },
        },
        dependencies: {
          schedule: {
            oneOf: [
              { properties: { customSchedule: { title: 'Custom schedule' } } },
            ],
          },
        },
      },
    },
    {
      schema: {
        properties: {
          coldStorageAfterDays: { title: 'Move to cold storage after (days)' },
        },
      },
    },
  ]);

  it("puts the form's titles for the input names an action quotes", () => {
    expect(
      inFormWords(
        'deleteAfterDays (100) must be at least coldStorageAfterDays + 90 (120)',
        titles,
      ),
    ).toBe(
      '“Delete after (days)” (100) must be at least “Move to cold storage after (days)” + 90 (120)',
    );
    expect(
      inFormWords("customSchedule 'rate(1 minute)' is too often", titles),
    ).toBe("“Custom schedule” 'rate(1 minute)' is too often");
  });

  it('leaves plain words alone, and names it does not know', () => {
    expect(titles.has('region')).toBe(false);
    expect(
      inFormWords('region us-east-2 is not allowed; otherName x', titles),
    ).toBe('region us-east-2 is not allowed; otherName x');
  });
});
