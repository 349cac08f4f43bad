import { describe, expect, it } from 'vitest';
import { detectObservationFormat, readObservations, UsageError } from '../../src/index.js';

describe('readObservations', () => {
  it.each([
    ['no node column', 'name,direction\nB12,up\n', /obs.csv:1: the header needs a "node" column \(found "name", "direction"/],
    ['no direction or value column', 'node,fold\nB12,2\n', /obs.csv:1: the header needs a "direction" or a "value" column/],
    ['a bad direction word', 'node,direction\nB12,up\nMMA,sideways\n', /obs.csv:3: direction "sideways" is not one of up, down/],
    ['a value that is not a number', 'node,value\nB12,1.2\nMMA,two\n', /obs.csv:3: value "two" is not a number/],
    ['a zero weight', 'node,direction,weight\nB12,up,0\n', /obs.csv:2: weight "0" must be a positive number/],
    ['a negative weight', 'node,direction,weight\nB12,up,-1\n', /obs.csv:2: weight "-1" must be a positive number/],
    ['an empty node', 'node,direction\n,up\n', /obs.csv:2: "node" is empty/],
    ['neither direction nor value in a row', 'node,direction,value\nB12,,\n', /obs.csv:2: "B12" has neither a direction nor a value/],
    ['a row with a field too many', 'node,direction\nB12,up,extra\n', /obs.csv:2:1: expected 2 fields as in the header, found 3/],
    ['an unterminated quote', 'node,direction\n"B12,up\n', /obs.csv:2:1: unterminated quoted field/],
    ['only a header', 'node,direction\n', /obs.csv: no observations/],
  ])('rejects %s with file:line and what', (_what, text, message) => {
    expect(() => readObservations('obs.csv', text)).toThrow(UsageError);
    expect(() => readObservations('obs.csv', text)).toThrow(message);
  });

  it('rejects malformed JSON with its line and column, and items that are not observations', () => {
    expect(() => readObservations('obs.json', '[\n {"node": "B12", "direction": "up"},\n {"node": }\n]')).toThrow(/obs.json:3:\d+: not valid JSON/);
    expect(() => readObservations('obs.json', '{"nodes": []}')).toThrow(/expected a JSON array of observations/);
    expect(() => readObservations('obs.json', '[{"node": "B12", "direction": "up"}, "MMA"]')).toThrow(/obs.json: item 2: expected an object/);
    expect(() => readObservations('obs.json', '[{"node": "B12", "value": "NaN"}]')).toThrow(/obs.json: item 1: value "NaN" is not a number/);
  });

  it('reads directions in every accepted spelling, values by their sign, weights, and quoted names', () => {
    const csv = 'Node,Direction,Value,Weight\n"vitamin B12, serum",high,,\nMMA,+,,2\nhomocysteine,,3.5,\nfolate,decreased,,0.5\nALT,,-1e-3,\nAST,,0,\nGGT,normal,,\n';
    expect(readObservations('panel.csv', csv)).toEqual([
      { node: 'vitamin B12, serum', direction: 'up', weight: 1, where: 'panel.csv:2' },
      { node: 'MMA', direction: 'up', weight: 2, where: 'panel.csv:3' },
      { node: 'homocysteine', direction: 'up', weight: 1, value: 3.5, where: 'panel.csv:4' },
      { node: 'folate', direction: 'down', weight: 0.5, where: 'panel.csv:5' },
      { node: 'ALT', direction: 'down', weight: 1, value: -0.001, where: 'panel.csv:6' },
      { node: 'AST', direction: 'unchanged', weight: 1, value: 0, where: 'panel.csv:7' },
      { node: 'GGT', direction: 'unchanged', weight: 1, where: 'panel.csv:8' },
    ]);
  });

  it('reads TSV and JSON (an array, or {observations}, with node objects as hypotheses --json prints them)', () => {
    expect(readObservations('x.tsv', 'node\tdirection\nserum B12\tup\nMMA\tdown\n').map((o) => [o.node, o.direction, o.where])).toEqual([
      ['serum B12', 'up', 'x.tsv:2'],
      ['MMA', 'down', 'x.tsv:3'],
    ]);
    const json = JSON.stringify({ observations: [{ node: { id: 'serum-vitamin-b12', label: 'serum vitamin B12' }, direction: 'up' }, { node: 'MMA', value: -2, weight: 3 }] });
    expect(readObservations('x.json', json)).toEqual([
      { node: 'serum-vitamin-b12', direction: 'up', weight: 1, where: 'x.json: item 1' },
      { node: 'MMA', direction: 'down', weight: 3, value: -2, where: 'x.json: item 2' },
    ]);
  });

  it('detects the format from the extension, else from the text (stdin)', () => {
    expect(detectObservationFormat('a.json', 'node,direction')).toBe('json');
    expect(detectObservationFormat('a.tsv', '')).toBe('tsv');
    expect(detectObservationFormat('a.CSV', '')).toBe('csv');
    expect(detectObservationFormat('stdin', '  [{"node": "x"}]')).toBe('json');
    expect(detectObservationFormat('stdin', 'node\tdirection\nx\tup')).toBe('tsv');
    expect(detectObservationFormat('stdin', 'node,direction\nx,up')).toBe('csv');
  });
});
