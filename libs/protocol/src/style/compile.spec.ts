import { describe, expect, it } from '@jest/globals';
import { templateKeys } from './catalogue.js';
import { compileHouseStyle, HouseStyleInvalidError, validateHouseStyle } from './compile.js';
import { shippedStyle, shippedStyles } from './shipped.js';

const problemsOf = (draft: object) => {
  try {
    validateHouseStyle(draft, shippedStyle);
  } catch (error) {
    if (error instanceof HouseStyleInvalidError) return error.problems;
    throw error;
  }
  return [];
};

describe('house-style validation', () => {
  it('accepts every shipped style, each with every template of the catalogue', () => {
    for (const style of shippedStyles.values()) {
      expect(Object.keys(style.templates).sort()).toEqual([...templateKeys].sort());
    }
  });

  it('names a missing template, an unknown variable, a syntax error and an unknown template', () => {
    const base = shippedStyle('default-sv')!;
    const { caseNumber: _dropped, ...templates } = base.templates;
    const problems = problemsOf({
      ...base,
      templates: { ...templates, tabled: '{{ organ }} bordlägger', recusal: '{% if member %}', nytt: 'x' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'templates.caseNumber', message: expect.stringMatching(/saknas/) }),
        expect.objectContaining({
          path: 'templates.tabled',
          message: expect.stringMatching(/Okänd variabel ”organ”/),
        }),
        expect.objectContaining({ path: 'templates.recusal', message: expect.stringMatching(/syntax/) }),
        expect.objectContaining({ path: 'templates.nytt', message: expect.stringMatching(/Okänd mall/) }),
      ]),
    );
  });

  it('checks settings: sections must be known and include the decision', () => {
    const problems = problemsOf({
      id: 'x',
      name: 'X',
      extends: 'default-sv',
      settings: { sections: [{ section: 'yrkanden' }], rollCall: 'bilaga' },
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['settings.sections[0].section', 'settings.sections', 'settings.rollCall']),
    );
  });

  it('cannot read files or run code: include finds nothing, and the result is plain text', () => {
    const problems = problemsOf({
      id: 'x',
      name: 'X',
      extends: 'default-sv',
      templates: { tabled: "{% include '/etc/passwd' %}" },
    });
    expect(problems.map((p) => p.path)).toEqual(['templates.tabled']);
    const style = compileHouseStyle(
      validateHouseStyle(
        { id: 'x', name: 'X', extends: 'default-sv', templates: { tabled: '{{ body }} <b>bordlägger</b>' } },
        shippedStyle,
      ),
    );
    expect(style.tabled({ body: 'Nämnden' })).toBe('Nämnden <b>bordlägger</b>');
  });
});
