// The shell's views: the address names one, the digits 1..4 switch outside text fields only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { viewForKey, viewOfSearch } from '../../../src/renderer/shell/views.ts';

const press = { altKey: false, ctrlKey: false, metaKey: false, inEditable: false };

describe('shell views', () => {
  it('reads the view from the address, the graph when none or an unknown one is named', () => {
    assert.equal(viewOfSearch('?project=a&view=list'), 'list');
    assert.equal(viewOfSearch('?project=a'), 'graph');
    assert.equal(viewOfSearch('?view=nope'), 'graph');
  });

  it('switches with the digits 1..4, not in a text field and not with a modifier', () => {
    assert.equal(viewForKey({ ...press, key: '1' }), 'graph');
    assert.equal(viewForKey({ ...press, key: '4' }), 'agents');
    assert.equal(viewForKey({ ...press, key: '5' }), null);
    assert.equal(viewForKey({ ...press, key: '2', inEditable: true }), null);
    assert.equal(viewForKey({ ...press, key: '2', ctrlKey: true }), null);
    assert.equal(viewForKey({ ...press, key: 'Enter' }), null);
  });
});
