import { PKRI_2024 } from '../../libs/domain';
import { TemplateEntity } from '../../libs/persistence';
import { Stack } from '../support/stack';

describe('[foundation] an invalid template is refused', () => {
  const stack = Stack.shared();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[foundation] overlapping windows, an unknown stage type and bad weights are each named, and nothing is stored', async () => {
    const stages = structuredClone(PKRI_2024.stages);
    stages[2].window = { ...stages[1].window };
    (stages[3] as { type: string }).type = 'lottery';
    const rubrics = structuredClone(PKRI_2024.rubrics);
    rubrics[0].criteria[0].weight += 5;
    const definition = { ...PKRI_2024, key: 'pkri-invalid', stages, rubrics };

    const { status, body } = await stack.request('POST', '/templates', { definition });

    expect(status).toBe(422);
    expect(body.code).toBe('TEMPLATE.INVALID');
    const paths = body.details.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['stages[2].window.opens', 'stages[3].type', 'rubrics[0].criteria']));
    expect(body.message).toContain('stages[2].window');
    expect(await stack.db.getRepository(TemplateEntity).countBy({ key: 'pkri-invalid' })).toBe(0);
  });

  it('[foundation] a request without a definition names the missing field', async () => {
    const { status, body } = await stack.request('POST', '/templates', { template: {} });
    expect(status).toBe(400);
    expect(body.message).toMatch(/template should not exist|definition must be an object/);
  });
});
