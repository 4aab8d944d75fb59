import { useId } from 'react';
import type { Hint } from '../shared/schemas';

export type HintChoice = Hint | '';

type Purpose = 'create' | 'sign-in';

interface Choice {
  value: HintChoice;
  label: string;
  explanation: Record<Purpose, string>;
}

const choices: readonly Choice[] = [
  {
    value: '',
    label: 'Let my browser decide',
    explanation: {
      create: 'Your browser offers every place it can keep a passkey.',
      'sign-in': 'Your browser lists every passkey it can reach.',
    },
  },
  {
    value: 'client-device',
    label: 'This device',
    explanation: {
      create: 'Kept by this computer or phone (or its password manager), unlocked with your fingerprint, face or PIN.',
      'sign-in': 'The passkey is on this computer or phone, or in its password manager.',
    },
  },
  {
    value: 'hybrid',
    label: 'A phone or tablet',
    explanation: {
      create: 'Kept on your phone: you scan a QR code with it, and it stays in your pocket.',
      'sign-in': 'The passkey is on your phone: you scan a QR code with it.',
    },
  },
  {
    value: 'security-key',
    label: 'A security key',
    explanation: {
      create: 'Kept on a USB, NFC or Bluetooth key that you plug in or tap.',
      'sign-in': 'The passkey is on a key that you plug in or tap.',
    },
  },
];

/** The short label of a choice ("A phone or tablet"). */
export function hintLabel(value: HintChoice): string {
  return choices.find((choice) => choice.value === value)?.label ?? '';
}

export interface HintChoiceGroupProps {
  legend: string;
  /** The legend names the group for assistive technology only (a visible summary already says it). */
  legendHidden?: boolean;
  purpose: Purpose;
  value: HintChoice;
  onChange: (value: HintChoice) => void;
  disabled?: boolean;
}

/**
 * Where the passkey should live (or is): becomes WebAuthn `hints`, which the browser may use
 * to offer that place first. Each radio's accessible name is its short label; the line of
 * explanation is its description.
 */
export function HintChoiceGroup({ legend, legendHidden = false, purpose, value, onChange, disabled = false }: HintChoiceGroupProps) {
  const id = useId();
  return (
    <fieldset className="choice-group" disabled={disabled}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {choices.map((choice) => {
        const key = choice.value || 'any';
        const descriptionId = `${id}-${key}`;
        return (
          <div key={key} className="radio-choice">
            <label className="radio">
              <input
                type="radio"
                name={`${id}-hint`}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={descriptionId}
              />
              {choice.label}
            </label>
            <p id={descriptionId} className="radio-choice__text">
              {choice.explanation[purpose]}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
