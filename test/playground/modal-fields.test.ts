import { describe, expect, it } from 'vitest';
import { fieldAttributes, fieldHint } from '../../src/playground/common/modal-fields.ts';
import type { PageModalField } from '../../src/playground/common/page-types.ts';
import { toPageModal } from '../../src/playground/to-page-modal.ts';

const question: PageModalField = {
  customId: 'question',
  label: 'What would you like to know?',
  description: null,
  style: 'short',
  placeholder: 'e.g. why not asyncio?',
  required: true,
  minLength: 1,
  maxLength: 300,
  value: null,
};

describe('the input of a modal field', () => {
  it('GIVEN a short required field with limits THEN a text input that the browser holds to them', () => {
    expect(fieldAttributes(question, 'modal-field-0')).toEqual({
      id: 'modal-field-0',
      name: 'question',
      type: 'text',
      placeholder: 'e.g. why not asyncio?',
      required: true,
      minlength: 1,
      maxlength: 300,
      autocomplete: 'off',
      'aria-describedby': 'modal-field-0-hint',
    });
  });

  it("GIVEN a paragraph without limits THEN a textarea (no type), optional, capped at Discord's 4000", () => {
    const attributes = fieldAttributes({ ...question, style: 'paragraph', required: false, minLength: null, maxLength: null, placeholder: null }, 'f');
    expect(attributes).toMatchObject({ rows: 4, required: false, minlength: null, maxlength: 4000, placeholder: null });
    expect(attributes).not.toHaveProperty('type');
  });

  it.each([
    [question, 'Required · 1–300 characters'],
    [{ ...question, required: false, minLength: null, maxLength: 100 }, 'Optional · up to 100 characters'],
    [{ ...question, minLength: 0, maxLength: null }, 'Required · up to 4000 characters'],
  ])('GIVEN %o THEN the hint says %s', (field, hint) => {
    expect(fieldHint(field)).toBe(hint);
  });
});

describe('toPageModal', () => {
  it('GIVEN a modal from the driver THEN plain data with nulls for what it leaves out', () => {
    const modal = toPageModal('m1', {
      customId: 'ask-form',
      title: 'Ask the concurrency guide',
      fields: [{ label: 'Detail', customId: 'detail', style: 'paragraph', required: false, value: 'prefilled', description: 'Anything else' }],
      submit: () => Promise.reject(new Error('not here')),
      close: () => undefined,
    });
    expect(modal).toEqual({
      id: 'm1',
      title: 'Ask the concurrency guide',
      fields: [{ customId: 'detail', label: 'Detail', description: 'Anything else', style: 'paragraph', placeholder: null, required: false, minLength: null, maxLength: null, value: 'prefilled' }],
    });
    // Nothing of the driver's modal (its functions, its custom id) reaches the page.
    expect(JSON.parse(JSON.stringify(modal))).toEqual(modal);
    expect(JSON.stringify(modal)).not.toContain('ask-form');
  });
});
