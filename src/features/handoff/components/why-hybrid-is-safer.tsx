/** The teaching point every hand-off page makes: this demo has no proximity check; hybrid does. */
export function WhyHybridIsSafer() {
  return (
    <section className="explain stack-sm" aria-labelledby="why-hybrid-heading">
      <h2 id="why-hybrid-heading">Why real hybrid is safer</h2>
      <p>
        When your browser shows its own QR code for a phone passkey (the hybrid transport), the phone and the computer
        also prove to each other over <strong>Bluetooth</strong> that they are near each other. A phishing site that
        copies the QR code and shows it to someone far away gets nothing: that phone is not near the attacker’s computer.
      </p>
      <p>
        This lab’s hand-off has <strong>no such check</strong>. Anyone who gets the link or code could approve it from
        anywhere, so a phishing page could relay it. It is a demo tool for trying passkeys on two devices, not a
        security feature.
      </p>
    </section>
  );
}
