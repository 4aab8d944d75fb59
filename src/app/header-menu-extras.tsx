import { PracticeModeHost } from '../features/practice-mode/components/practice-mode-host';

/**
 * Mount point for extra items in the header's menu, after the presenter switches. Each item is a
 * `<li>`-free block (a button or a link) that the menu lays out like the presenter switches.
 *
 * Practice mode: "Practise with a simulated device" (and, once used, its banner and dialogs).
 */
export function HeaderMenuExtras() {
  return <PracticeModeHost />;
}
