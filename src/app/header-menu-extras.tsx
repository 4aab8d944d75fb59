/**
 * Mount point for extra items in the header's menu, after the presenter switches. Each item is a
 * `<li>`-free block (a button or a link) that the menu lays out like the presenter switches.
 *
 * Reserved: "Practise with a simulated device" (the practice mode) goes here. Nothing yet.
 */
export function HeaderMenuExtras() {
  return null;
}
